import type { SuiteCase } from '../suite/types.ts';
import { findKeyword } from './findKeyword.ts';
import type { Verdict } from './types.ts';

/**
 * Scores `expected_keywords` against the raw output: score = fraction found, case-insensitively;
 * as substrings (Punie's rule) or, when the case sets `keywords_whole_word`, as whole words
 * (see {@link findKeyword}). Reasons: `missing_keyword:<keyword>`. A case without keywords scores 1.
 * `passed` is `score === 1`. Pure; never throws.
 */
export function scoreKeywords(testCase: SuiteCase, output: string): Verdict {
  const keywords = testCase.expected_keywords ?? [];
  const wholeWord = testCase.keywords_whole_word === true;
  const reasons: string[] = [];
  let hits = 0;
  for (const keyword of keywords) {
    if (findKeyword(output, keyword, { wholeWord })) hits += 1;
    else reasons.push(`missing_keyword:${keyword}`);
  }
  const score = keywords.length === 0 ? 1 : hits / keywords.length;
  return { scorer: 'keywords', score, passed: score === 1, reasons };
}
