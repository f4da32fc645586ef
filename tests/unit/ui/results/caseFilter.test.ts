import { describe, expect, it } from 'vitest';
import type { ReportCase } from '../../../../src/core/report/schema.ts';
import {
  categoryOptions,
  EMPTY_QUERY,
  filterCases,
  reasonLabel,
  reasonOptions,
} from '../../../../src/ui/results/caseFilter.ts';
import { nextSort, sortCases } from '../../../../src/ui/results/sortCases.ts';
import { loadReportFixture } from './loadFixture.ts';

function reportCase(id: string, fields: Partial<ReportCase> = {}): ReportCase {
  return {
    id,
    sample: 0,
    category: 'misc',
    messagesHash: null,
    output: '',
    outputHash: null,
    calls: [],
    nearMisses: [],
    verdicts: [],
    score: 1,
    passed: true,
    reasons: [],
    usage: null,
    finishReason: 'stop',
    durationMs: null,
    ...fields,
  };
}

function withDecode(id: string, reported: number | null, measured: number | null): ReportCase {
  const figures = { promptTokens: null, completionTokens: null, ttftMs: null, prefillTps: null, e2eMs: null };
  return reportCase(id, {
    usage: { reported: { ...figures, decodeTps: reported }, measured: { ...figures, decodeTps: measured } },
  });
}

const ids = (cases: readonly ReportCase[]) => cases.map((c) => c.id);

const CASES = [
  reportCase('a-1', {
    category: 'tools',
    passed: false,
    score: 0.5,
    reasons: ['calls:missing_required:path'],
  }),
  reportCase('a-2', { category: 'tools', output: 'Calling READ_FILE now' }),
  reportCase('b-1', {
    category: 'code',
    passed: false,
    score: 0,
    reasons: ['punie:missing_keyword:def', 'calls:missing_required:path'],
    output: null,
  }),
  reportCase('b-2', { category: 'code', passed: false, score: 0.75, reasons: ['answer:answer_mismatch'] }),
];

describe('filterCases', () => {
  it('returns every case, in order, for the empty query', () => {
    expect(ids(filterCases(CASES, EMPTY_QUERY))).toEqual(['a-1', 'a-2', 'b-1', 'b-2']);
  });

  it('keeps failed cases only', () => {
    expect(ids(filterCases(CASES, { ...EMPTY_QUERY, failedOnly: true }))).toEqual(['a-1', 'b-1', 'b-2']);
  });

  it('keeps one category, and one reason', () => {
    expect(ids(filterCases(CASES, { ...EMPTY_QUERY, category: 'code' }))).toEqual(['b-1', 'b-2']);
    expect(ids(filterCases(CASES, { ...EMPTY_QUERY, reason: 'calls:missing_required:path' }))).toEqual([
      'a-1',
      'b-1',
    ]);
  });

  it('searches ids and outputs case-insensitively, and skips null outputs', () => {
    expect(ids(filterCases(CASES, { ...EMPTY_QUERY, text: 'read_file' }))).toEqual(['a-2']);
    expect(ids(filterCases(CASES, { ...EMPTY_QUERY, text: '  B-  ' }))).toEqual(['b-1', 'b-2']);
  });

  it('combines every part with "and"', () => {
    const query = { failedOnly: true, category: 'code', reason: 'calls:missing_required:path', text: 'b' };
    expect(ids(filterCases(CASES, query))).toEqual(['b-1']);
    expect(filterCases(CASES, { ...query, category: 'tools', text: 'zzz' })).toEqual([]);
  });
});

describe('filter options', () => {
  it('lists each distinct reason once, sorted, with its case count', () => {
    expect(reasonOptions(CASES)).toEqual([
      { value: 'answer:answer_mismatch', count: 1 },
      { value: 'calls:missing_required:path', count: 2 },
      { value: 'punie:missing_keyword:def', count: 1 },
    ]);
    expect(reasonOptions([reportCase('x', { reasons: ['r', 'r'] })])).toEqual([{ value: 'r', count: 1 }]);
  });

  it('lists categories in the summary’s order, then those only cases name', () => {
    const summary = loadReportFixture('rich.report.json').summary;
    const options = categoryOptions({ cases: CASES, summary });
    expect(options.map((o) => o.value)).toEqual([...summary.categories.map((c) => c.name), 'tools', 'code']);
    expect(options.at(-1)).toEqual({ value: 'code', count: 2 });
  });

  it('names every reason of the rich fixture, the scorer prefix included', () => {
    const values = reasonOptions(loadReportFixture('rich.report.json').cases).map((o) => o.value);
    expect(values).toContain('calls:missing_required:content');
    expect(values).toContain('answer:answer_mismatch');
    expect(values).toContain('error:no output');
  });
});

describe('sortCases', () => {
  it('keeps the report’s order without a sort, in a new array', () => {
    const sorted = sortCases(CASES, null);
    expect(sorted).not.toBe(CASES);
    expect(ids(sorted)).toEqual(ids(CASES));
  });

  it('sorts by result both ways: every failure on one side of every pass, each by score, ties in report order', () => {
    // c-1 passed with a partial headline score (a pass-rate suite): still after every failure.
    const cases = [...CASES, reportCase('c-1', { score: 0.5 }), reportCase('c-2', { score: 0.5 })];
    expect(ids(sortCases(cases, { key: 'score', direction: 'ascending' }))).toEqual([
      'b-1',
      'a-1',
      'b-2',
      'c-1',
      'c-2',
      'a-2',
    ]);
    expect(ids(sortCases(cases, { key: 'score', direction: 'descending' }))).toEqual([
      'a-2',
      'c-1',
      'c-2',
      'b-2',
      'a-1',
      'b-1',
    ]);
  });

  it('sorts ids naturally (case-2 before case-10)', () => {
    const cases = [reportCase('case-10'), reportCase('case-2'), reportCase('case-1')];
    expect(ids(sortCases(cases, { key: 'id', direction: 'ascending' }))).toEqual([
      'case-1',
      'case-2',
      'case-10',
    ]);
  });

  it('puts missing figures last in both directions, and prefers measured over reported (as the exports do)', () => {
    const cases = [
      withDecode('none', null, null),
      withDecode('slow', 99, 10),
      withDecode('measured', null, 20),
    ];
    expect(ids(sortCases(cases, { key: 'decodeTps', direction: 'ascending' }))).toEqual([
      'slow',
      'measured',
      'none',
    ]);
    expect(ids(sortCases(cases, { key: 'decodeTps', direction: 'descending' }))).toEqual([
      'measured',
      'slow',
      'none',
    ]);
  });

  it('sorts by duration', () => {
    const cases = [reportCase('x', { durationMs: 30 }), reportCase('y', { durationMs: 5 }), reportCase('z')];
    expect(ids(sortCases(cases, { key: 'duration', direction: 'ascending' }))).toEqual(['y', 'x', 'z']);
  });
});

describe('nextSort', () => {
  it('starts ascending on a new column and flips on the same one', () => {
    expect(nextSort(null, 'score')).toEqual({ key: 'score', direction: 'ascending' });
    expect(nextSort({ key: 'score', direction: 'ascending' }, 'score')).toEqual({
      key: 'score',
      direction: 'descending',
    });
    expect(nextSort({ key: 'score', direction: 'descending' }, 'score')).toEqual({
      key: 'score',
      direction: 'ascending',
    });
    expect(nextSort({ key: 'score', direction: 'descending' }, 'id')).toEqual({
      key: 'id',
      direction: 'ascending',
    });
  });
});

describe('verdict notes in the reason filter', () => {
  it('offers each note as its own option and filters by it, passing cases included', () => {
    const noted = reportCase('a', {
      verdicts: [
        { scorer: 'calls', score: 1, passed: true, reasons: [], notes: ['bfcl_decoder:no_newlines'] },
      ],
    });
    const plain = reportCase('b', {
      verdicts: [{ scorer: 'calls', score: 1, passed: true, reasons: [] }],
    });
    expect(reasonOptions([noted, plain])).toEqual([
      { value: 'note:calls:bfcl_decoder:no_newlines', count: 1 },
    ]);
    const query = { ...EMPTY_QUERY, reason: 'note:calls:bfcl_decoder:no_newlines' };
    expect(filterCases([noted, plain], query).map((c) => c.id)).toEqual(['a']);
  });
});

describe('reasonLabel', () => {
  it('says a reason filter value in words with the scorer that gave it', () => {
    expect(reasonLabel('calls:missing_required:path')).toBe('Calls: required argument "path" missing');
    expect(reasonLabel('punie:missing_keyword:def')).toBe('Punie: keyword "def" not found');
    expect(reasonLabel('keywords:missing_keyword:def')).toBe('Keywords: keyword "def" not found');
    expect(reasonLabel('error:no output')).toBe('engine error: no output');
    expect(reasonLabel('note:calls:bfcl_decoder:format')).toMatch(
      /^Calls note: BFCL would not read this call/,
    );
    expect(reasonLabel('future:thing')).toBe('future:thing');
  });
});
