import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderReportJsonSchema, REPORT_SCHEMA_FILE } from '../../../../scripts/gen-report-schema.ts';

interface JsonSchemaDoc {
  $schema: string;
  properties: Record<string, { const?: string; type?: string; items?: unknown }>;
  required: string[];
  $defs: Record<string, { properties: Record<string, unknown>; required: string[] }>;
}

describe('schemas/report.schema.json', () => {
  it('is what scripts/gen-report-schema.ts renders (run `node --import tsx scripts/gen-report-schema.ts`)', async () => {
    expect(readFileSync(REPORT_SCHEMA_FILE, 'utf8')).toBe(await renderReportJsonSchema());
  });

  it('pins the schema version and keeps the validation of the valibot schema', async () => {
    const schema = JSON.parse(await renderReportJsonSchema()) as JsonSchemaDoc;
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties['schema']).toEqual({ const: 'tabeval.report/2' });
    expect(schema.required).toEqual(expect.arrayContaining(['schema', 'suite', 'cases', 'summary']));
    expect(schema.properties['cases']?.items).toEqual({ $ref: '#/$defs/ReportCase' });
    expect(Object.keys(schema.$defs).sort()).toEqual(
      [
        'CategorySummary',
        'DeviceBlock',
        'Interval',
        'ReportCase',
        'Source',
        'UsageFigures',
        'Verdict',
      ].sort(),
    );
    const verdict = schema.$defs['Verdict']!;
    // Scores stay bounded to [0, 1] and scorer kinds closed: no pipe was dropped to make it convert.
    expect(verdict.properties['score']).toEqual({ type: 'number', minimum: 0, maximum: 1 });
    expect(verdict.properties['scorer']).toEqual({
      enum: ['punie', 'calls', 'answer', 'keywords', 'exec'],
      type: 'string',
    });
    expect(schema.$defs['ReportCase']!.required).toEqual(expect.arrayContaining(['outputHash', 'sample']));
    // Counts stay whole and non-negative, hashes 64 hex digits: edited numbers are refused.
    const reportCase = schema.$defs['ReportCase']!.properties;
    expect(reportCase['sample']).toEqual({ type: 'integer', minimum: 0 });
    expect(reportCase['outputHash']).toMatchObject({
      anyOf: [{ type: 'string', pattern: '^[0-9a-f]{64}$' }, { type: 'null' }],
    });
  });
});
