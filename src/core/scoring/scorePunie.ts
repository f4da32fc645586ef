import { defineScorer } from './scorer.ts';
import type { ParseResult } from '../parser/types.ts';
import type { SuiteCase } from '../suite/types.ts';
import { findKeyword } from './findKeyword.ts';
import type { ScorerOutcome } from './scorer.ts';

/**
 * Punie's case score, reproduced exactly (see docs: reference/punie-eval.md, "Scoring").
 *
 * - tool score = |expected ∩ called| / |expected|, over sets of tool names (duplicates and extra
 *   calls are free); called names come from `parsed.calls`;
 * - keyword score = fraction of `expected_keywords` found as case-insensitive substrings of the raw
 *   `output` (never whole-word: that is {@link scoreKeywords}' option);
 * - score = mean of the two when both kinds of expectation exist (a non-empty list), the one that
 *   exists otherwise, 1 when neither.
 *
 * `passed` is `score === 1`; reasons are `missing_tool:<name>` and `missing_keyword:<keyword>`.
 * An engine error scores 0: that is applied by `scoreCase`, which does not call this for a failed
 * case. Pure; never throws.
 */
export function scorePunie(testCase: SuiteCase, output: string, parsed: ParseResult): ScorerOutcome {
  const reasons: string[] = [];
  const parts: number[] = [];

  const expectedTools = new Set(testCase.expected_tools ?? []);
  if (expectedTools.size > 0) {
    const called = new Set(parsed.calls.map((call) => call.name));
    let hits = 0;
    for (const tool of expectedTools) {
      if (called.has(tool)) hits += 1;
      else reasons.push(`missing_tool:${tool}`);
    }
    parts.push(hits / expectedTools.size);
  }

  const keywords = testCase.expected_keywords ?? [];
  if (keywords.length > 0) {
    let hits = 0;
    for (const keyword of keywords) {
      if (findKeyword(output, keyword)) hits += 1;
      else reasons.push(`missing_keyword:${keyword}`);
    }
    parts.push(hits / keywords.length);
  }

  const score = parts.length === 0 ? 1 : parts.reduce((sum, part) => sum + part, 0) / parts.length;
  return { score, passed: score === 1, reasons };
}

/** The Punie-compatible scorer: runs on every case. */
export const punieScorer = defineScorer({
  kind: 'punie',
  label: 'Punie',
  describe: 'Punie-compatible: mean of expected tools called and expected keywords present (substrings).',
  applies: () => true,
  score: ({ testCase, output, parsed }) => scorePunie(testCase, output, parsed),
  reasons: {
    missing_tool: (tool) => `tool ${tool} was not called`,
    missing_keyword: (keyword) => `keyword "${keyword}" not found`,
  },
});
