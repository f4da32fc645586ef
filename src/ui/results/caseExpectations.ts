import type { Report, ReportCase } from '../../core/report/schema.ts';
import { reportSuite } from '../../core/report/reportSuite.ts';
import { extractAnswer } from '../../core/scoring/extractAnswer.ts';
import type { Matcher, SuiteCase } from '../../core/suite/types.ts';

/** The validated suite cases of a report by id; empty when its embedded suite does not validate. */
export function suiteCasesById(report: Pick<Report, 'suite'>): ReadonlyMap<string, SuiteCase> {
  const suite = reportSuite(report as Report);
  return suite.ok ? new Map(suite.value.cases.map((c) => [c.id, c])) : new Map();
}

function json(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** One argument matcher in words: `= "a.txt"`, `one of "a", "b"`, `matches /x/`, `any string`. */
export function describeMatcher(matcher: Matcher): string {
  const optional = matcher.optional === true ? ' (optional)' : '';
  if ('equals' in matcher) return `= ${json(matcher.equals)}${optional}`;
  if ('one_of' in matcher) return `one of ${matcher.one_of.map(json).join(', ')}${optional}`;
  if ('regex' in matcher) return `matches /${matcher.regex}/${optional}`;
  return `any ${matcher.type}${optional}`;
}

/** A keyword the case expected, and whether the output had it (read from the verdicts' reasons). */
export interface KeywordCheck {
  keyword: string;
  found: boolean;
}

/** Each expected keyword with whether it was found: missing ones are the `missing_keyword` reasons. */
export function keywordChecks(expected: readonly string[], c: Pick<ReportCase, 'verdicts'>): KeywordCheck[] {
  const missing = new Set(
    c.verdicts.flatMap((v) =>
      v.reasons
        .filter((r) => r.startsWith('missing_keyword:'))
        .map((r) => r.slice('missing_keyword:'.length)),
    ),
  );
  return expected.map((keyword) => ({ keyword, found: !missing.has(keyword) }));
}

/** The final answer the answer scorer reads from an output (the same extraction), or null without output. */
export function finalAnswer(output: string | null): string | null {
  return output === null ? null : extractAnswer(output);
}
