// Reads a fixture of tests/fixtures/compare through the real report validator (not a test file).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportJson } from '../../../../src/core/report/parseReportJson.ts';
import type { Report } from '../../../../src/core/report/schema.ts';

export function loadCompareFixture(name: string): Report {
  const result = parseReportJson(
    readFileSync(join(process.cwd(), 'tests', 'fixtures', 'compare', name), 'utf8'),
  );
  if (!result.ok) throw new Error(`${name} is not a valid report: ${JSON.stringify(result.issues)}`);
  return result.value;
}
