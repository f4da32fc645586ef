// Reads a report fixture of tests/fixtures/reports through the real report validator. The path is
// taken from the working directory (vitest runs at the repository root): under jsdom,
// import.meta.url is not a file URL.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReportJson } from '../../../../src/core/report/parseReportJson.ts';
import type { Report } from '../../../../src/core/report/schema.ts';

export function loadReportFixture(name: string): Report {
  const path = join(process.cwd(), 'tests', 'fixtures', 'reports', name);
  const result = parseReportJson(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${name} is not a valid report: ${JSON.stringify(result.issues)}`);
  return result.value;
}
