import type { SuiteCase } from '../suite/types.ts';
import type { ScorerKind } from './types.ts';

/** What views need to know about a scorer kind, so they dispatch on `kind` instead of `if` chains. */
export interface ScorerDescriptor {
  kind: ScorerKind;
  /** Short column header, e.g. "Calls". */
  label: string;
  /** One sentence on what the scorer measures, for tooltips and report legends. */
  describe: string;
  /** Whether the scorer runs on a case (the Punie scorer runs on every case). */
  applies(testCase: SuiteCase): boolean;
  /** A score in [0, 1] as people read it, e.g. `83.3 %`. */
  format(score: number): string;
  /** A reason string (`missing_required:path`) in plain words. Unknown reasons come back as they are. */
  explain(reason: string): string;
}

/** Formats a fraction as a percentage with one decimal (`0.8333` → `83.3 %`); `–` when not finite. */
export function formatPercent(score: number): string {
  return Number.isFinite(score) ? `${(score * 100).toFixed(1)} %` : '–';
}

const REASONS: Record<string, (detail: string) => string> = {
  missing_tool: (d) => `tool ${d} was not called`,
  missing_keyword: (d) => `keyword "${d}" not found`,
  wrong_name: () => 'a call to the wrong tool',
  missing_required: (d) => `required argument "${d}" missing`,
  unexpected_argument: (d) => `argument "${d}" is not in the tool's schema`,
  type: (d) => `argument "${d}" has the wrong type`,
  value: (d) => `argument "${d}" has an unexpected value`,
  missing_call: () => 'an expected call was not made',
  extra_call: () => 'a call that was not expected',
  call_not_expected: () => 'a tool was called where no call was expected',
  answer_mismatch: () => 'the final answer is wrong',
  no_answer: () => 'no final answer',
  invalid_regex: (d) => `the suite's regular expression for "${d}" does not compile`,
  error: () => 'the engine failed: no output to score',
};

function explainReason(reason: string): string {
  const colon = reason.indexOf(':');
  const code = colon === -1 ? reason : reason.slice(0, colon);
  const explain = Object.hasOwn(REASONS, code) ? REASONS[code] : undefined;
  return explain ? explain(colon === -1 ? '' : reason.slice(colon + 1)) : reason;
}

const nonEmpty = (list: readonly unknown[] | undefined): boolean => list !== undefined && list.length > 0;

/** The descriptor of every scorer kind. */
export const scorers: Readonly<Record<ScorerKind, ScorerDescriptor>> = {
  punie: {
    kind: 'punie',
    label: 'Punie',
    describe: 'Punie-compatible: mean of expected tools called and expected keywords present (substrings).',
    applies: () => true,
    format: formatPercent,
    explain: explainReason,
  },
  calls: {
    kind: 'calls',
    label: 'Calls',
    describe:
      'Tool calls checked argument by argument against the schema and the expected calls (BFCL-style).',
    // An empty `expected_calls` list is an expectation too: no calls (`extra_call` for each one made).
    applies: (c) => c.expect_no_call === true || c.expected_calls !== undefined,
    format: formatPercent,
    explain: explainReason,
  },
  answer: {
    kind: 'answer',
    label: 'Answer',
    describe: 'The final "Answer:" line compared with the expected answer after normalisation.',
    applies: (c) => c.answer !== undefined,
    format: formatPercent,
    explain: explainReason,
  },
  keywords: {
    kind: 'keywords',
    label: 'Keywords',
    describe: 'Fraction of expected keywords present, as substrings or whole words as the case asks.',
    applies: (c) => nonEmpty(c.expected_keywords),
    format: formatPercent,
    explain: explainReason,
  },
};

/** Every scorer kind in display order (headline first). */
export const scorerKinds: readonly ScorerKind[] = ['punie', 'calls', 'answer', 'keywords'];
