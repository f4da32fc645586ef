import { describe, expect, it } from 'vitest';
import { MAX_REPORT_CHARS, parseReportJson } from '../../../../src/core/report/parseReportJson.ts';
import { copy, loadReport, punieReport } from './fixtures.ts';

const rich = loadReport('rich');
const richText = JSON.stringify(rich, null, 2);

function issuesOf(text: string) {
  const result = parseReportJson(text);
  if (result.ok) throw new Error('expected the report to be rejected');
  return result.issues;
}

describe('parseReportJson round trip', () => {
  it.each([
    ['rich', rich],
    ['hostile', loadReport('hostile')],
    ['punie-30b', loadReport('punie-30b')],
  ])('%s: report → JSON → parseReportJson gives the same report', (_name, report) => {
    const result = parseReportJson(JSON.stringify(report));
    expect(result).toEqual({ ok: true, value: report });
  });

  it('a report fresh from the runner survives the trip too', async () => {
    const report = await punieReport('1.5b');
    expect(parseReportJson(JSON.stringify(report, null, 2))).toEqual({ ok: true, value: report });
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseReportJson(`\uFEFF${richText}`)).toEqual({ ok: true, value: rich });
  });
});

describe('parseReportJson rejects bad files with a message that says what and where', () => {
  it('a truncated file: line, column and "looks truncated"', () => {
    const issues = issuesOf(richText.slice(0, Math.floor(richText.length / 2)));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.path).toBe('(root)');
    expect(issues[0]!.message).toMatch(
      /^invalid JSON at line \d+, column \d+: .+ \(the file looks truncated\)$/,
    );
  });

  it('an empty file', () => {
    expect(issuesOf('  \n')).toEqual([{ path: '(root)', message: 'the file is empty' }]);
  });

  it('a wrong type at a path: the path and the expected type', () => {
    const bad = copy(rich) as unknown as { cases: { score: unknown }[]; summary: { n: unknown } };
    bad.cases[2]!.score = 'high';
    bad.summary.n = '12';
    const issues = issuesOf(JSON.stringify(bad));
    expect(issues).toEqual([
      { path: 'cases[2].score', message: 'Invalid type: Expected number but received "high"' },
      { path: 'summary.n', message: 'Invalid type: Expected number but received "12"' },
    ]);
  });

  it('a score outside [0, 1] and an unknown scorer kind', () => {
    const bad = copy(rich) as unknown as { cases: { score: unknown; verdicts: { scorer: unknown }[] }[] };
    bad.cases[0]!.score = 1.5;
    bad.cases[1]!.verdicts[0]!.scorer = 'vibes';
    const issues = issuesOf(JSON.stringify(bad));
    expect(issues.map((i) => i.path)).toEqual(['cases[0].score', 'cases[1].verdicts[0].scorer']);
    expect(issues[0]!.message).toContain('<=1');
    expect(issues[1]!.message).toContain('"vibes"');
  });

  it('a missing field says "missing", not valibot\'s "Invalid key"', () => {
    const bad = copy(rich) as unknown as { cases: Record<string, unknown>[] };
    delete bad.cases[3]!['outputHash'];
    expect(issuesOf(JSON.stringify(bad))).toEqual([
      { path: 'cases[3].outputHash', message: 'missing (this field is required)' },
    ]);
  });

  it('an unknown schema version names both versions (and says when the file is newer)', () => {
    const newer = { ...copy(rich), schema: 'tabeval.report/3' };
    expect(issuesOf(JSON.stringify(newer))).toEqual([
      {
        path: 'schema',
        message:
          'unknown report schema "tabeval.report/3"; this version of tabeval reads "tabeval.report/2" and "tabeval.report/1" (the report was made by a newer tabeval: update to read it)',
      },
    ]);
    const other = { ...copy(rich), schema: 'punie.results' };
    expect(issuesOf(JSON.stringify(other))[0]!.message).toBe(
      'unknown report schema "punie.results"; this version of tabeval reads "tabeval.report/2" and "tabeval.report/1"',
    );
  });

  it('something that is not a report at all', () => {
    expect(issuesOf('[1, 2]')).toEqual([
      { path: '(root)', message: 'expected a tabeval report (a JSON object)' },
    ]);
    expect(issuesOf('{"cases": []}')[0]!.message).toContain('is this a tabeval report?');
  });

  it('a file over 50 MB is refused before parsing, with its size', () => {
    const huge = `{"schema": "tabeval.report/1", "pad": "${'x'.repeat(MAX_REPORT_CHARS)}"}`;
    expect(issuesOf(huge)).toEqual([
      { path: '(root)', message: 'the file is too large: 50.1 MB, and reports over 50 MB are not read' },
    ]);
  });

  it('with a larger limit (the CLI’s), a report over the app’s 50 MB is read', () => {
    const big = copy(rich);
    big.cases[0]!.output = 'x'.repeat(MAX_REPORT_CHARS);
    big.cases[0]!.outputHash = null;
    const text = JSON.stringify(big);
    expect(parseReportJson(text).ok).toBe(false);
    const read = parseReportJson(text, { maxChars: 2 * MAX_REPORT_CHARS });
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.value.cases[0]!.output).toHaveLength(MAX_REPORT_CHARS);
  }, 30_000);

  it('a lowered limit refuses a report one character over it', () => {
    expect(parseReportJson(richText, { maxChars: richText.length }).ok).toBe(true);
    expect(parseReportJson(`${richText} `, { maxChars: richText.length })).toEqual({
      ok: false,
      issues: [
        {
          path: '(root)',
          message: expect.stringMatching(
            /^the file is too large: 0\.1 MB, and reports over 0\.0\d+ MB are not read$/,
          ) as unknown,
        },
      ],
    });
  });

  it('a message never quotes a whole hostile value', () => {
    const bad = copy(rich) as unknown as { schema: string; cases: { score: unknown }[] };
    bad.cases[0]!.score = 'x'.repeat(100_000);
    const issues = issuesOf(JSON.stringify(bad));
    expect(issues[0]!.message.length).toBeLessThanOrEqual(300);
    bad.schema = 'y'.repeat(100_000);
    expect(issuesOf(JSON.stringify(bad))[0]!.message.length).toBeLessThan(200);
  });
});
