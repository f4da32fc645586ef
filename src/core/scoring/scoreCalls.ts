import { defineScorer } from './scorer.ts';
import type { ParseResult, ToolCall } from '../parser/types.ts';
import type { ExpectedCall, SuiteCase, ToolDefinition } from '../suite/types.ts';
import { checkCall } from './checkCall.ts';
import { bfclNoteWords, bfclStrictNotes } from './bfclStrictNotes.ts';
import { minCostAssignment } from './minCostAssignment.ts';
import type { ScorerOutcome } from './scorer.ts';

// Pairing costs: a fully correct pair is free; any failing pair costs FAILED_PAIR so the assignment
// first maximises correct pairs, then prefers pairs with the right name and the fewest failures.
const FAILED_PAIR = 1_000_000;
const WRONG_NAME = 10_000;

/**
 * Scores the made tool calls against `expected_calls` / `expect_no_call`, argument by argument
 * (each pair checked by {@link checkCall}).
 *
 * - `expect_no_call: true` (takes precedence over `expected_calls`): score 1 when no call was made,
 *   else 0 with `call_not_expected`.
 * - Otherwise expected and made calls are paired: in order with `call_order: "exact"`, else in any
 *   order, choosing the pairing with the most fully correct pairs and then the fewest failures (so
 *   the reasons describe the closest call). Expected calls left unpaired give `missing_call`, made
 *   calls left unpaired give `extra_call`; a paired call's failures are listed as they are
 *   (`wrong_name`, `missing_required:<p>`, ...), repeated once per call they occur in.
 * - score = correct pairs / max(expected calls, made calls), 1 when both are 0: an extra call lowers
 *   the score just as a missing one does, and `passed` (score === 1) needs exactly the expected calls.
 *
 * An empty `expected_calls` list expects no calls (each made call is an `extra_call`). A case with
 * neither expectation scores 1 (`scoreCase` does not run this scorer for it).
 * Pure; never throws.
 */
export function scoreCalls(
  testCase: SuiteCase,
  tools: readonly ToolDefinition[],
  parsed: ParseResult,
): ScorerOutcome {
  const made = parsed.calls;
  if (testCase.expect_no_call === true) {
    const passed = made.length === 0;
    return { score: passed ? 1 : 0, passed, reasons: passed ? [] : ['call_not_expected'] };
  }
  const expected = testCase.expected_calls ?? [];
  const toolsByName = new Map(tools.map((tool) => [tool.name, tool]));
  const check = (want: ExpectedCall, call: ToolCall) => checkCall(want, call, toolsByName.get(want.name));
  const pairs =
    testCase.call_order === 'exact' ? pairInOrder(expected, made, check) : pairBest(expected, made, check);

  const reasons: string[] = [];
  let correct = 0;
  for (const failures of pairs) {
    if (failures.length === 0) correct += 1;
    reasons.push(...failures);
  }
  for (let i = made.length; i < expected.length; i += 1) reasons.push('missing_call');
  for (let i = expected.length; i < made.length; i += 1) reasons.push('extra_call');
  const total = Math.max(expected.length, made.length);
  const score = total === 0 ? 1 : correct / total;
  return { score, passed: score === 1, reasons };
}

type Check = (want: ExpectedCall, call: ToolCall) => string[];

/** The failures of each of the min(expected, made) pairs, pairing by position. */
function pairInOrder(expected: readonly ExpectedCall[], made: readonly ToolCall[], check: Check): string[][] {
  const count = Math.min(expected.length, made.length);
  const pairs: string[][] = [];
  for (let i = 0; i < count; i += 1) pairs.push(check(expected[i]!, made[i]!));
  return pairs;
}

/** The failures of each of the min(expected, made) pairs of the least-cost pairing, in expected order. */
function pairBest(expected: readonly ExpectedCall[], made: readonly ToolCall[], check: Check): string[][] {
  const size = Math.max(expected.length, made.length);
  const failures: string[][][] = expected.map((want) => made.map((call) => check(want, call)));
  // Padding rows/columns cost 0: they stand for the unavoidable missing or extra calls.
  const cost = Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => {
      const pair = failures[row]?.[col];
      if (pair === undefined || pair.length === 0) return 0;
      return FAILED_PAIR + (pair[0] === 'wrong_name' ? WRONG_NAME : pair.length);
    }),
  );
  const columnOfRow = minCostAssignment(cost);
  const pairs: string[][] = [];
  for (let row = 0; row < expected.length; row += 1) {
    const pair = failures[row]?.[columnOfRow[row] ?? -1];
    if (pair !== undefined) pairs.push(pair);
  }
  return pairs;
}

/** The argument-level calls scorer, for cases with `expected_calls` or `expect_no_call`. */
export const callsScorer = defineScorer({
  kind: 'calls',
  label: 'Calls',
  describe: 'Tool calls checked argument by argument against the schema and the expected calls (BFCL-style).',
  // An empty `expected_calls` list is an expectation too: no calls (`extra_call` for each one made).
  applies: (c) => c.expect_no_call === true || c.expected_calls !== undefined,
  score: ({ suite, testCase, parsed, output }) => {
    const outcome = scoreCalls(testCase, suite.tools, parsed);
    const notes = bfclStrictNotes(output, parsed.calls, suite.tools);
    return notes.length > 0 ? { ...outcome, notes } : outcome;
  },
  reasons: {
    wrong_name: () => 'a call to the wrong tool',
    missing_required: (argument) => `required argument "${argument}" missing`,
    unexpected_argument: (argument) => `argument "${argument}" is not in the tool's schema`,
    type: (argument) => `argument "${argument}" has the wrong type`,
    value: (argument) => `argument "${argument}" has an unexpected value`,
    missing_call: () => 'an expected call was not made',
    extra_call: () => 'a call that was not expected',
    call_not_expected: () => 'a tool was called where no call was expected',
    invalid_regex: (argument) => `the suite's regular expression for "${argument}" does not compile`,
    // Notes (never failures): where BFCL's checker would read the call differently.
    bfcl_decoder: (kind) => `note: BFCL would not read this call (${bfclNoteWords(kind)})`,
    bfcl_type: (detail) => {
      const [kind = '', argument = ''] = detail.split(/:(.*)/s);
      return `note: argument "${argument}": ${bfclNoteWords(kind)}`;
    },
  },
});
