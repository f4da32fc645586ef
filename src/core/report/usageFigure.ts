import type { ReportCase } from './schema.ts';

/** The figures a case records about its generation (`usage.reported` / `usage.measured`). */
export type UsageFigureName = keyof NonNullable<ReportCase['usage']>['measured'];

/**
 * One usage figure of a case: the value measured around the call when there is one, else the
 * value the engine reported; null when neither was recorded. The one rule the CSV export and the
 * run comparison use, so the same case always contributes the same number.
 */
export function usageFigure(testCase: Pick<ReportCase, 'usage'>, name: UsageFigureName): number | null {
  const usage = testCase.usage;
  if (usage === null) return null;
  return usage.measured[name] ?? usage.reported[name] ?? null;
}
