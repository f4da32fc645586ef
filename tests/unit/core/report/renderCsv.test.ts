import { describe, expect, it } from 'vitest';
import { csvNumberCell, csvTextCell } from '../../../../src/core/report/csvCell.ts';
import { CSV_COLUMNS, renderCsv } from '../../../../src/core/report/renderCsv.ts';
import { copy, loadReport } from './fixtures.ts';
import { parseCsv } from './csvParse.ts';

const rich = loadReport('rich');

describe('renderCsv', () => {
  it('has a header and one row per case, CRLF line ends, every row as wide as the header', () => {
    const records = parseCsv(renderCsv(rich));
    expect(records[0]).toEqual([...CSV_COLUMNS]);
    expect(records).toHaveLength(rich.cases.length + 1);
    for (const record of records) expect(record).toHaveLength(CSV_COLUMNS.length);
  });

  it('writes the stored figures, measured speeds before reported ones, empty when missing', () => {
    const records = parseCsv(renderCsv(rich));
    const byId = new Map(
      records.slice(1).map((r) => [r[0], Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]]))]),
    );
    expect(byId.get('call-read')).toEqual({
      id: 'call-read',
      category: 'tool_calling',
      score: '1',
      passed: 'true',
      reasons: '',
      prompt_tokens: '197', // reported only
      completion_tokens: '35',
      ttft_ms: '219', // measured only
      decode_tps: '26.2', // measured 26.2 beside reported 27
      finish_reason: 'stop',
      duration_ms: '431',
      output_sha256: rich.cases[0]!.outputHash,
    });
    expect(byId.get('code-debounce')?.['reasons']).toBe(
      'punie:missing_keyword:generic; keywords:missing_keyword:generic',
    );
    expect(byId.get('code-debounce')?.['score']).toBe('0.75');
    const error = byId.get('engine-error')!;
    expect([
      error['prompt_tokens'],
      error['decode_tps'],
      error['output_sha256'],
      error['finish_reason'],
    ]).toEqual(['', '', '', 'error']);
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180) and reads back the same text', () => {
    const report = copy(rich);
    report.cases[0]!.id = 'a,b';
    report.cases[0]!.category = 'say "hi"';
    report.cases[1]!.id = 'line\nbreak';
    report.cases[1]!.category = 'cr\r\nlf';
    const text = renderCsv(report);
    expect(text).toContain('"a,b","say ""hi"""');
    const records = parseCsv(text);
    expect(records[1]!.slice(0, 2)).toEqual(['a,b', 'say "hi"']);
    expect(records[2]!.slice(0, 2)).toEqual(['line\nbreak', 'cr\r\nlf']);
  });

  it('neutralises spreadsheet formulas: text starting with = + - @ tab CR gets a leading quote', () => {
    const report = copy(rich);
    const starts = ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR'];
    starts.forEach((id, i) => (report.cases[i]!.id = id));
    report.cases[6]!.category = '=cmd|" /C calc"!A0';
    report.cases[7]!.reasons = ['-x'];
    const records = parseCsv(renderCsv(report));
    expect(records.slice(1, 7).map((r) => r[0])).toEqual(starts.map((s) => `'${s}`));
    expect(records[7]![1]).toBe(`'=cmd|" /C calc"!A0`);
    expect(records[8]![4]).toBe("'-x");
    // Harmless text is left alone.
    expect(records[9]![0]).toBe('math-sum');
  });

  it('leaves numbers it wrote itself alone, even negative ones', () => {
    expect(csvNumberCell(-1.5)).toBe('-1.5');
    expect(csvNumberCell(null)).toBe('');
    expect(csvNumberCell(Number.NaN)).toBe('');
    expect(csvTextCell('-1.5')).toBe("'-1.5");
    expect(csvTextCell('')).toBe('');
  });
});
