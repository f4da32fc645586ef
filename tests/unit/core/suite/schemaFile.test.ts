import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSuiteJsonSchema, SUITE_SCHEMA_FILE } from '../../../../scripts/gen-suite-schema.ts';

describe('suites/schema.json', () => {
  it('is what scripts/gen-suite-schema.ts renders (run `node --import tsx scripts/gen-suite-schema.ts`)', () => {
    expect(readFileSync(SUITE_SCHEMA_FILE, 'utf8')).toBe(renderSuiteJsonSchema());
  });

  it('describes both tool forms and closed cases', () => {
    const schema = JSON.parse(renderSuiteJsonSchema()) as {
      properties: { tools: { items: unknown }; cases: { items: { additionalProperties: unknown } } };
      $defs: Record<string, unknown>;
    };
    expect(schema.properties.tools.items).toEqual({
      anyOf: [{ $ref: '#/$defs/ToolDefinition' }, { $ref: '#/$defs/OpenAITool' }],
    });
    expect(Object.keys(schema.$defs)).toEqual(['ToolDefinition', 'OpenAITool']);
    expect(schema.properties.cases.items.additionalProperties).toBe(false);
  });
});
