// Writes suites/schema.json, the published JSON Schema of the suite format, from the valibot schema
// (src/core/suite/schema.ts). Run: node --import tsx scripts/gen-suite-schema.ts
// tests/unit/suite/schemaFile.test.ts fails when the committed file differs from what this renders.
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OpenAIToolSchema, SuiteSchema, ToolDefinitionSchema, ToolSchema } from '../src/core/suite/schema.ts';

/** Where the schema is published, next to the suites that point to it with `"$schema": "./schema.json"`. */
export const SUITE_SCHEMA_FILE = fileURLToPath(new URL('../suites/schema.json', import.meta.url));

/** The JSON Schema (draft-07) of a suite file, as the text written to `SUITE_SCHEMA_FILE`. */
export function renderSuiteJsonSchema(): string {
  const schema = toJsonSchema(SuiteSchema, {
    target: 'draft-07',
    // The input form: what a suite file may contain (both tool forms, `$schema`), not the normalised output.
    typeMode: 'input',
    definitions: { ToolDefinition: ToolDefinitionSchema, OpenAITool: OpenAIToolSchema },
    overrideSchema: ({ valibotSchema }): JsonSchema | undefined =>
      // `ToolSchema` picks a form by looking at the input, which JSON Schema says as anyOf.
      valibotSchema === ToolSchema
        ? { anyOf: [{ $ref: '#/$defs/ToolDefinition' }, { $ref: '#/$defs/OpenAITool' }] }
        : undefined,
  });
  const { $schema, title, description, ...rest } = schema;
  return `${JSON.stringify({ $schema, title, description, ...rest }, null, 2)}\n`;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SUITE_SCHEMA_FILE, renderSuiteJsonSchema());
  console.log(`wrote ${SUITE_SCHEMA_FILE}`);
}
