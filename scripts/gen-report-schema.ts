// Writes schemas/report.schema.json, the published JSON Schema of the report format
// (tabeval.report/1), from the valibot schema (src/core/report/schema.ts), the single source of truth.
// Run: node --import tsx scripts/gen-report-schema.ts
// tests/unit/report/schemaFile.test.ts fails when the committed file differs from what this renders.
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type * as Prettier from 'prettier';
import { REPORT_SCHEMA_ID, ReportCaseSchema, ReportSchema } from '../src/core/report/schema.ts';

// Prettier through `require`: vitest resolves the `browser` export of an import (the standalone
// build, which has no `resolveConfig`), and the file must be formatted the same in both places.
const prettier = createRequire(import.meta.url)('prettier') as typeof Prettier;

/** Where the schema is published. */
export const REPORT_SCHEMA_FILE = fileURLToPath(new URL('../schemas/report.schema.json', import.meta.url));

// Parts used more than once, reached through the exported schemas (schema.ts exports only these),
// become named definitions instead of being repeated inline.
const summary = ReportSchema.entries.summary.entries;
const usage = ReportCaseSchema.entries.usage.wrapped.entries;
const DEFINITIONS = {
  ReportCase: ReportCaseSchema,
  Verdict: ReportCaseSchema.entries.verdicts.item,
  UsageFigures: usage.reported,
  Interval: summary.overallInterval,
  CategorySummary: summary.categories.item,
  Source: ReportSchema.entries.source,
  DeviceBlock: ReportSchema.entries.device.wrapped,
};

/**
 * The JSON Schema (draft-07) of a report file, as the text written to `REPORT_SCHEMA_FILE`:
 * formatted by Prettier with the repository's settings, so `prettier --check .` agrees with it.
 */
export async function renderReportJsonSchema(): Promise<string> {
  const schema = toJsonSchema(ReportSchema, {
    target: 'draft-07',
    typeMode: 'input',
    definitions: DEFINITIONS,
    // `finite` rejects NaN and ±Infinity, which JSON cannot write: every JSON number is finite, so
    // `{"type": "number"}` says the same. A `check` relates fields (an interval's low ≤ high) in a
    // way JSON Schema draft-07 cannot state: the file leaves it out, the reader still applies it.
    // Anything else that does not convert still throws.
    overrideAction: ({ valibotAction, jsonSchema }): JsonSchema | undefined =>
      valibotAction.type === 'finite' || valibotAction.type === 'check' ? jsonSchema : undefined,
  });
  const { $schema, ...rest } = schema;
  const text = JSON.stringify(
    {
      $schema,
      title: 'tabeval report',
      description: `A tabeval run report (${REPORT_SCHEMA_ID}): configuration, device, every case with its output, parsed calls, verdicts and usage, and the summary.`,
      ...rest,
    },
    null,
    2,
  );
  const options = (await prettier.resolveConfig(REPORT_SCHEMA_FILE)) ?? {};
  return prettier.format(text, { ...options, filepath: REPORT_SCHEMA_FILE });
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(REPORT_SCHEMA_FILE, await renderReportJsonSchema());
  console.log(`wrote ${REPORT_SCHEMA_FILE}`);
}
