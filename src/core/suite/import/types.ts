// What the importers take and give. An import ends as a tabeval suite or as every problem found,
// each located by line and field (`line 4, entry_point`), in the shape validation issues have, so
// the CLI and the page print both the same way.
import type { SuiteIssue, SuiteValidation } from '../types.ts';

/** The formats a suite file may be in. */
export const SUITE_FORMATS = ['tabeval', 'humaneval', 'mbpp', 'bfcl'] as const;
export type SuiteFormat = (typeof SUITE_FORMATS)[number];

/** Options of an import; every one has a default derived from the format or the file name. */
export interface ImportOptions {
  /** The suite id. Default: derived from `fileName` (`HumanEval.jsonl.gz` → `humaneval`), else the format. */
  id?: string;
  /** Default `1.0.0`. */
  version?: string;
  /** Default: says what was imported, from which file. */
  description?: string;
  /** The category of every case. Default: the format's name (`humaneval`, `mbpp`); BFCL's own category. */
  category?: string;
  /** The file the text came from; used for the default id and description. */
  fileName?: string;
  /** MBPP only: also run `challenge_test_list` (default false, as in the MBPP paper). */
  challengeTests?: boolean;
  /** BFCL only: the text of the possible-answers file that goes with the questions. */
  bfclAnswers?: string;
}

/** An issue of an import: `path` is `line 4, entry_point` (or `(file)` for the whole file). */
export type ImportIssue = SuiteIssue;

/** A suite, or every problem found (each with its line and field). */
export type ImportResult = SuiteValidation;
