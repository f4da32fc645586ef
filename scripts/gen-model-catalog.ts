// Writes src/engines/webllm/catalog.generated.json from the installed WebLLM's prebuiltAppConfig.
// Run: node --import tsx scripts/gen-model-catalog.ts
// tests/unit/engine/catalog.test.ts fails when the committed file is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { prebuiltAppConfig, modelVersion } from '@mlc-ai/web-llm';
import { deriveCatalog } from '../src/engines/webllm/catalogDerive.ts';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('node_modules/@mlc-ai/web-llm/package.json', root), 'utf8')) as {
  version: string;
};
const catalog = deriveCatalog(prebuiltAppConfig, pkg.version, modelVersion);
const out = fileURLToPath(new URL('src/engines/webllm/catalog.generated.json', root));
writeFileSync(out, JSON.stringify(catalog, null, 2) + '\n');
console.log(`wrote ${catalog.models.length} models (WebLLM ${pkg.version}) to ${out}`);
