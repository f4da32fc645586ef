// What `tabeval score --json` and `rescore --json` print: one JSON document, written in pieces, one
// line per case, that reads back as the report it was made from.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportJson } from '../../../../src/core/report/parseReportJson.ts';
import { reportJsonChunks } from '../../../../src/core/report/reportJsonChunks.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import { copy, loadReport } from './fixtures.ts';

const text = (report: Report) => [...reportJsonChunks(report)].join('');

describe('reportJsonChunks', () => {
  it.each(['rich', 'hostile', 'punie-30b'] as const)(
    'the %s fixture reads back as the same valid report, key order kept',
    (name) => {
      const report = loadReport(name);
      const written = text(report);
      const back = parseReportJson(written);
      expect(back.ok).toBe(true);
      // Same text as JSON.stringify once both are re-serialized: same values, same key order.
      expect(JSON.stringify(JSON.parse(written))).toBe(JSON.stringify(report));
    },
  );

  it('writes each case record, and each case of the embedded suite, on its own line', () => {
    const report = loadReport('rich');
    const lines = text(report).split('\n');
    for (const [i, record] of report.cases.entries()) {
      expect(lines).toContain(`    ${JSON.stringify(record)}${i === report.cases.length - 1 ? '' : ','}`);
    }
    const suiteCases = (report.suite.content as { cases: unknown[] }).cases;
    expect(lines).toContain(`        ${JSON.stringify(suiteCases[0])},`);
    // The rest keeps the two-space layout of JSON.stringify(report, null, 2).
    expect(lines.slice(0, 3)).toEqual(JSON.stringify(report, null, 2).split('\n').slice(0, 3));
    expect(text(report).endsWith('}\n')).toBe(true);
  });

  it('is smaller than the pretty-printed report', () => {
    const report = loadReport('punie-30b');
    expect(text(report).length).toBeLessThan(JSON.stringify(report, null, 2).length * 0.8);
  });

  it('yields about one piece per case, so no piece holds the whole report', () => {
    const report = loadReport('punie-30b');
    const pieces = [...reportJsonChunks(report)];
    expect(pieces.length).toBeGreaterThan(report.cases.length);
    const longestCase = Math.max(...report.cases.map((c) => JSON.stringify(c).length));
    const longestSuiteCase = Math.max(
      ...(report.suite.content as { cases: unknown[] }).cases.map((c) => JSON.stringify(c).length),
    );
    for (const piece of pieces) {
      expect(piece.length).toBeLessThan(Math.max(longestCase, longestSuiteCase) + 20_000);
    }
  });

  it('writes empty case lists and left-out fields as JSON.stringify does', () => {
    const report = copy(loadReport('rich'));
    report.cases = [];
    (report as { extra?: unknown }).extra = undefined;
    expect(JSON.parse(text(report))).toEqual(JSON.parse(JSON.stringify(report)));
    expect(text(report)).toContain('"cases": []');
    expect(text(report)).not.toContain('extra');
  });

  it('any case text (line breaks, quotes, lone surrogates, U+2028) round-trips', () => {
    const base = copy(loadReport('rich'));
    base.cases = base.cases.slice(0, 2);
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 4 }), (outputs) => {
        const report = copy(base);
        report.cases = outputs.map((output, i) => ({ ...base.cases[i % base.cases.length]!, output }));
        const written = text(report);
        expect(JSON.stringify(JSON.parse(written))).toBe(JSON.stringify(report));
        // A case is one line: no output text adds a line break.
        expect(written.split('\n').length).toBe(
          text({ ...report, cases: report.cases.map((c) => ({ ...c, output: '' })) }).split('\n').length,
        );
      }),
      { numRuns: 25 },
    );
  }, 30_000);
});
