import { describe, expect, it } from 'vitest';
import { buildCaseMatrix, filterCaseMatrix } from '../../../../src/core/compare/caseMatrix.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import { loadCompareFixture } from './loadCompareFixture.ts';

const laptop = loadCompareFixture('punie-1.5b-laptop.report.json');
const desktop = loadCompareFixture('punie-1.5b-desktop.report.json');
const server = loadCompareFixture('punie-30b-server.report.json');

describe('buildCaseMatrix', () => {
  const matrix = buildCaseMatrix([laptop, desktop, server], 0);
  const row = (id: string) => matrix.rows.find((r) => r.id === id)!;

  it('has one row per case in the baseline order and one cell per run', () => {
    expect(matrix.rows.map((r) => r.id)).toEqual(laptop.cases.map((c) => c.id));
    expect(matrix.rows.every((r) => r.cells.length === 3)).toBe(true);
    expect(row('code-02').category).toBe(laptop.cases.find((c) => c.id === 'code-02')!.category);
  });

  it('says what changed: verdict flips, lower scores and different outputs', () => {
    const code02 = row('code-02').cells[2]!;
    expect(code02.change).toBe('now-fails');
    expect(code02.outputChanged).toBe(true);
    expect(code02.why).toContain('now fails');
    expect(code02.why).toContain('output differs');
    expect(row('reason-02').cells[2]!.change).toBe('now-fails');
    const drift = row('reason-01').cells[1]!;
    expect(drift.change).toBe('same');
    expect(drift.outputChanged).toBe(true);
    expect(drift.output).toContain('A list is mutable');
    const same = row('tool-01');
    expect(same.changed).toBe(false);
    expect(same.cells[0]!.change).toBe('baseline');
    expect(same.cells[1]!.why).toBe('');
    expect(matrix.changedCount).toBe(3);
  });

  it('turns around with another baseline', () => {
    const flipped = buildCaseMatrix([laptop, desktop, server], 2);
    expect(flipped.rows.find((r) => r.id === 'code-02')!.cells[0]!.change).toBe('now-passes');
  });

  it('keeps cases only some runs hold, with empty cells, and counts them as changed', () => {
    const partial: Report = { ...server, cases: server.cases.filter((c) => c.id !== 'tool-01') };
    const extra: Report = {
      ...desktop,
      cases: [...desktop.cases, { ...desktop.cases[0]!, id: 'only-here' }],
    };
    const m = buildCaseMatrix([partial, extra], 0);
    expect(m.rows.at(-1)!.id).toBe('only-here');
    expect(m.rows.at(-1)!.cells[0]).toBeNull();
    expect(m.rows.at(-1)!.cells[1]!.change).toBe('not-in-baseline');
    const tool01 = m.rows.at(-2)!;
    expect(tool01.id).toBe('tool-01');
    expect(tool01.cells[0]).toBeNull();
    expect(tool01.changed).toBe(true);
  });

  it('reads only first samples and the first record of an id', () => {
    const first = laptop.cases[0]!;
    const sampled: Report = {
      ...laptop,
      cases: [...laptop.cases, { ...first, sample: 1, passed: !first.passed }, { ...first, score: 0 }],
    };
    const m = buildCaseMatrix([laptop, sampled], 0);
    expect(m.rows).toHaveLength(laptop.cases.length);
    expect(m.changedCount).toBe(0);
  });

  it('names a baseline outside the list as a bug', () => {
    expect(() => buildCaseMatrix([laptop], 1)).toThrow(RangeError);
    expect(buildCaseMatrix([], 0).rows).toEqual([]);
  });
});

describe('filterCaseMatrix', () => {
  const matrix = buildCaseMatrix([laptop, desktop, server], 0);

  it('keeps changed rows only, or rows whose id or category match the text', () => {
    expect(filterCaseMatrix(matrix, { changedOnly: true, text: '' }).map((r) => r.id)).toEqual([
      'code-02',
      'reason-01',
      'reason-02',
    ]);
    expect(filterCaseMatrix(matrix, { changedOnly: true, text: 'REASON' }).map((r) => r.id)).toEqual([
      'reason-01',
      'reason-02',
    ]);
    expect(filterCaseMatrix(matrix, { changedOnly: false, text: ' ' })).toHaveLength(7);
  });

  it('handles thousands of cases', () => {
    const many: Report = {
      ...laptop,
      cases: Array.from({ length: 5000 }, (_, i) => ({ ...laptop.cases[i % 7]!, id: `case-${i}` })),
    };
    const changed: Report = {
      ...many,
      cases: many.cases.map((c, i) => (i % 100 === 0 ? { ...c, passed: !c.passed } : c)),
    };
    const m = buildCaseMatrix([many, changed], 0);
    expect(m.rows).toHaveLength(5000);
    expect(filterCaseMatrix(m, { changedOnly: true, text: '' })).toHaveLength(50);
  });
});
