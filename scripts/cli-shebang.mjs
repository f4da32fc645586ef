// Makes the built CLI executable: prepend the shebang, set the execute bit.
import { readFileSync, writeFileSync, chmodSync } from 'node:fs';

const file = new URL('../dist-cli/main.js', import.meta.url);
const src = readFileSync(file, 'utf8');
if (!src.startsWith('#!')) writeFileSync(file, `#!/usr/bin/env node\n${src}`);
chmodSync(file, 0o755);
