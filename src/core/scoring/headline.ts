import * as v from 'valibot';

/**
 * How a suite's headline figure is computed: `punie` — the mean of Punie's case scores over cases
 * (Punie's own rule, for Punie's suites); `pass_rate` — the fraction of cases that pass every
 * scorer (with several samples per case, the mean pass fraction: unbiased pass@1).
 */
export const HEADLINE_RULES = ['punie', 'pass_rate'] as const;
export const HeadlineRuleSchema = v.picklist(HEADLINE_RULES);
export type HeadlineRule = (typeof HEADLINE_RULES)[number];

/** The rule of a suite that does not name one. */
export const DEFAULT_HEADLINE_RULE: HeadlineRule = 'pass_rate';

/** The headline figure's name in words, for cards, tables and the CLI. */
export function describeHeadline(rule: HeadlineRule): string {
  return rule === 'punie' ? 'Punie score (mean over cases)' : 'Pass rate';
}
