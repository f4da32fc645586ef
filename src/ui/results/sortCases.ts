import type { ReportCase } from '../../core/report/schema.ts';
import { usageFigure } from '../../core/report/usageFigure.ts';

/** The sortable columns of the case table. */
export type SortKey = 'id' | 'category' | 'score' | 'promptTokens' | 'tokens' | 'decodeTps' | 'duration';

export type SortDirection = 'ascending' | 'descending';

/** The table's order; null keeps the report's order. */
export type CaseSort = { key: SortKey; direction: SortDirection } | null;

const sortValue: Record<SortKey, (c: ReportCase) => string | number | null> = {
  id: (c) => c.id,
  category: (c) => c.category,
  // The Result column: failures before passes, each by its headline score.
  score: (c) => (c.passed ? 2 : 0) + c.score,
  promptTokens: (c) => usageFigure(c, 'promptTokens'),
  tokens: (c) => usageFigure(c, 'completionTokens'),
  decodeTps: (c) => usageFigure(c, 'decodeTps'),
  duration: (c) => c.durationMs,
};

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
}

/**
 * The cases in the order `sort` asks for; a new array. Missing figures (null) come last in both
 * directions; ties keep the report's order, so the sort is stable and predictable.
 */
export function sortCases(cases: readonly ReportCase[], sort: CaseSort): ReportCase[] {
  if (sort === null) return [...cases];
  const value = sortValue[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return cases
    .map((c, index) => ({ c, index, v: value(c) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        return a.v === b.v ? a.index - b.index : a.v === null ? 1 : -1;
      }
      return sign * compareValues(a.v, b.v) || a.index - b.index;
    })
    .map((entry) => entry.c);
}

/** The order after a click on `key`'s header: ascending first, then the direction flips. */
export function nextSort(current: CaseSort, key: SortKey): CaseSort {
  if (current?.key !== key) return { key, direction: 'ascending' };
  return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}
