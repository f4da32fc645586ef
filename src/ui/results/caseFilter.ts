import { explainCaseReason } from '../../core/report/explainReason.ts';
import type { Report, ReportCase } from '../../core/report/schema.ts';
import { scorerOf } from '../../core/scoring/registry.ts';

/** What the case table is narrowed to. Empty strings mean "any". */
export interface CaseQuery {
  failedOnly: boolean;
  category: string;
  reason: string;
  /** Case-insensitive substring of the case id or its raw output. */
  text: string;
}

export const EMPTY_QUERY: Readonly<CaseQuery> = Object.freeze({
  failedOnly: false,
  category: '',
  reason: '',
  text: '',
});

/** The cases matching every part of `query`, in their original order. */
export function filterCases(cases: readonly ReportCase[], query: Readonly<CaseQuery>): ReportCase[] {
  const needle = query.text.trim().toLowerCase();
  return cases.filter(
    (c) =>
      (!query.failedOnly || !c.passed) &&
      (query.category === '' || c.category === query.category) &&
      (query.reason === '' || c.reasons.includes(query.reason) || caseNotes(c).includes(query.reason)) &&
      (needle === '' ||
        c.id.toLowerCase().includes(needle) ||
        (c.output !== null && c.output.toLowerCase().includes(needle))),
  );
}

/** A choice of a filter `<select>`: the value and how many cases have it. */
export interface FilterOption {
  value: string;
  count: number;
}

/** A case's verdict notes as filter values: `note:<scorer>:<code>` (apart from failure reasons). */
export function caseNotes(c: Pick<ReportCase, 'verdicts'>): string[] {
  return c.verdicts.flatMap((verdict) =>
    (verdict.notes ?? []).map((note) => `note:${verdict.scorer}:${note}`),
  );
}

/**
 * Every distinct reason among the cases with its case count, sorted by reason; verdict notes
 * (`note:calls:bfcl_decoder:no_newlines`) are options too, so a BFCL-strict reading is one filter away.
 */
export function reasonOptions(cases: readonly ReportCase[]): FilterOption[] {
  const counts = new Map<string, number>();
  for (const c of cases) {
    for (const reason of new Set([...c.reasons, ...caseNotes(c)]))
      counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/** Every category with its case count: the summary's order first, then any only the cases name. */
export function categoryOptions(report: Pick<Report, 'cases' | 'summary'>): FilterOption[] {
  const counts = new Map<string, number>(report.summary.categories.map((c) => [c.name, 0]));
  for (const c of report.cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count }));
}

/**
 * A reason filter value in words, with the scorer that gave it: `Calls: required argument "path"
 * missing`, `Calls note: …`, `engine error: …`. Unknown values are shown as written.
 */
export function reasonLabel(value: string): string {
  const note = value.startsWith('note:');
  const rest = note ? value.slice('note:'.length) : value;
  const kind = rest.slice(0, Math.max(0, rest.indexOf(':')));
  const words = explainCaseReason(value);
  const scorer = scorerOf(kind)?.label;
  if (scorer === undefined || words === value) return words;
  return `${scorer}${note ? ' note' : ''}: ${words.replace(/^note: /, '')}`;
}
