import { defineScorer } from './scorer.ts';
import type { SuiteCase } from '../suite/types.ts';
import { findKeyword } from './findKeyword.ts';
import type { ScorerOutcome } from './scorer.ts';

/**
 * Scores `expected_keywords` against the raw output: score = fraction found, case-insensitively;
 * as substrings (Punie's rule) or, when the case sets `keywords_whole_word`, as whole words
 * (see {@link findKeyword}). Reasons: `missing_keyword:<keyword>`. A case without keywords scores 1.
 * `passed` is `score === 1`. Pure; never throws.
 */
export function scoreKeywords(testCase: SuiteCase, output: string): ScorerOutcome {
  const keywords = testCase.expected_keywords ?? [];
  const wholeWord = testCase.keywords_whole_word === true;
  const reasons: string[] = [];
  let hits = 0;
  for (const keyword of keywords) {
    if (findKeyword(output, keyword, { wholeWord })) hits += 1;
    else reasons.push(`missing_keyword:${keyword}`);
  }
  const score = keywords.length === 0 ? 1 : hits / keywords.length;
  return { score, passed: score === 1, reasons };
}

/** The keywords scorer, for cases with `expected_keywords`. */
export const keywordsScorer = defineScorer({
  kind: 'keywords',
  label: 'Keywords',
  describe: 'Fraction of expected keywords present, as substrings or whole words as the case asks.',
  applies: (c) => c.expected_keywords !== undefined && c.expected_keywords.length > 0,
  score: ({ testCase, output }) => scoreKeywords(testCase, output),
  reasons: {
    missing_keyword: (keyword) => `keyword "${keyword}" not found`,
  },
});
