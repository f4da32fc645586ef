import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ticks } from '../../../../src/core/report/chartScale.ts';
import { parseReportJson } from '../../../../src/core/report/parseReportJson.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import { verifyReport } from '../../../../src/core/report/verifyReport.ts';

function load(path: string): Report {
  const parsed = parseReportJson(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(`${path}: ${parsed.issues[0]?.message}`);
  return parsed.value;
}

const FIXTURE = 'tests/fixtures/reports/punie-30b.report.json';
const fixtures = [
  ...readdirSync('tests/fixtures/reports').map((f) => `tests/fixtures/reports/${f}`),
  ...readdirSync('tests/fixtures/compare').map((f) => `tests/fixtures/compare/${f}`),
].filter((f) => f.endsWith('.json'));

describe('verifyReport', () => {
  it.each(fixtures)(
    '%s: every stored derived value agrees, and the report comes back equal',
    async (file) => {
      const report = load(file);
      const verified = await verifyReport(report);
      expect(verified.discrepancies).toEqual([]);
      expect(verified.report).toEqual(report);
    },
  );

  it('a summary its cases contradict is reported and replaced', async () => {
    const report = load(FIXTURE);
    const edited: Report = {
      ...report,
      summary: { ...report.summary, n: 7000, records: 7000, overall: 0.01 },
    };
    const verified = await verifyReport(edited);
    expect(verified.discrepancies).toEqual([
      { path: 'summary.overall', message: 'the report says 0.01, its cases give 0.75' },
      { path: 'summary.n', message: 'the report says 7000, its cases give 7' },
      { path: 'summary.records', message: 'the report says 7000, its cases give 7' },
    ]);
    expect(verified.report.summary).toEqual(report.summary);
  });

  it('a category or a case count that was removed is reported', async () => {
    const report = load(FIXTURE);
    const verified = await verifyReport({ ...report, summary: { ...report.summary, categories: [] } });
    expect(verified.discrepancies).toEqual([
      { path: 'summary.categories', message: 'the report has 0 entries, its cases give 3 entries' },
    ]);
  });

  it('a suite hash that is not the embedded suite’s, and a wrong suite id, are reported and replaced', async () => {
    const report = load(FIXTURE);
    const verified = await verifyReport({
      ...report,
      suite: { ...report.suite, hash: '1'.repeat(64), id: 'other' },
    });
    expect(verified.discrepancies.map((d) => d.path)).toEqual(['suite.hash', 'suite.id']);
    expect(verified.discrepancies[0]!.message).toBe(
      `the report says 111111111111…, its embedded suite hashes to ${report.suite.hash.slice(0, 12)}…`,
    );
    expect(verified.report.suite.hash).toBe(report.suite.hash);
  });

  it('an output hash that is not the output’s is reported and replaced', async () => {
    const report = load(FIXTURE);
    const cases = report.cases.map((c, i) => (i === 2 ? { ...c, outputHash: '0'.repeat(64) } : c));
    const verified = await verifyReport({ ...report, cases });
    expect(verified.discrepancies).toEqual([
      {
        path: 'cases[2].outputHash',
        message: `000000000000… is not the SHA-256 of the output (${report.cases[2]!.outputHash!.slice(0, 12)}…)`,
      },
    ]);
    expect(verified.report.cases[2]!.outputHash).toBe(report.cases[2]!.outputHash);
  });
});

describe('chart ticks', () => {
  it('stay distinct and finite up to the largest double', () => {
    const top = Number.MAX_VALUE;
    const list = ticks(top);
    expect(list.every(Number.isFinite)).toBe(true);
    expect(new Set(list).size).toBe(list.length);
    expect(ticks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });
});
