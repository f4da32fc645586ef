import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparableFromReport, comparableFromSummary } from '../../../../src/core/compare/comparableRun.ts';
import { addDistinctRuns, runIdentity } from '../../../../src/core/compare/runIdentity.ts';
import { decodeResultsPayload, encodeResultsLink } from '../../../../src/core/link/resultsLink.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import { loadCompareFixture } from './loadCompareFixture.ts';

const laptop = loadCompareFixture('punie-1.5b-laptop.report.json');
const desktop = loadCompareFixture('punie-1.5b-desktop.report.json');

function throughLink(report: Report) {
  const link = encodeResultsLink(report);
  if (!link.ok) throw new Error(link.error);
  const back = decodeResultsPayload(link.value.slice('#/compare?r='.length));
  if (!back.ok) throw new Error(back.error);
  return back.value;
}

describe('runIdentity', () => {
  it('gives one identity to a report file read twice, and to a report and its results link', async () => {
    const once = await runIdentity(comparableFromReport('a.json', laptop));
    const again = await runIdentity(
      comparableFromReport('copy of a.json', loadCompareFixture('punie-1.5b-laptop.report.json')),
    );
    const linked = await runIdentity(comparableFromSummary('link 1', throughLink(laptop)));
    expect(once).toMatch(/^[0-9a-f]{64}$/);
    expect(again).toBe(once);
    expect(linked).toBe(once);
  });

  it('tells apart another device, another output, another date and another scoring', async () => {
    const base = await runIdentity(comparableFromReport('a', laptop));
    const otherDate: Report = { ...laptop, createdAt: '2020-01-01T00:00:00.000Z' };
    const rescored: Report = {
      ...laptop,
      cases: laptop.cases.map((c, i) => (i === 0 ? { ...c, passed: !c.passed } : c)),
    };
    const others = await Promise.all(
      [desktop, otherDate, rescored].map((r) => runIdentity(comparableFromReport('b', r))),
    );
    for (const other of others) expect(other).not.toBe(base);
    expect(new Set(others).size).toBe(3);
  });
});

describe('addDistinctRuns', () => {
  it('leaves out runs already loaded and repeats among the candidates, naming their twin', () => {
    const existing = [{ identity: 'a' }, { identity: 'b' }];
    const result = addDistinctRuns(existing, [
      { identity: 'b', name: 'b again' },
      { identity: 'c', name: 'c' },
      { identity: 'c', name: 'c twice' },
      { identity: 'd', name: 'd' },
    ]);
    expect(result.added.map((r) => r.name)).toEqual(['c', 'd']);
    expect(result.duplicates.map((d) => [d.run.name, d.of])).toEqual([
      ['b again', 1],
      ['c twice', 2],
    ]);
  });

  it('keeps exactly one run per identity, in first-seen order, whatever arrives', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e')),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')),
        (before, incoming) => {
          const existing = addDistinctRuns(
            [],
            before.map((identity) => ({ identity })),
          ).added;
          const { added, duplicates } = addDistinctRuns(
            existing,
            incoming.map((identity, i) => ({ identity, i })),
          );
          const all = [...existing, ...added].map((r) => r.identity);
          expect(new Set(all).size).toBe(all.length);
          expect(all).toEqual([...new Set([...before, ...incoming])]);
          expect(added.length + duplicates.length).toBe(incoming.length);
          for (const d of duplicates) expect(all[d.of]).toBe(d.run.identity);
        },
      ),
    );
  });
});
