import type { ParseResult } from '../parser/types.ts';
import type { Verdict } from '../report/schema.ts';

/** A scored case record: what `scoreCase` returns and a report's case record is built from. */
export interface CaseScore {
  id: string;
  category: string;
  /** The headline score under the suite's rule (Punie's score, or 1/0 for passed/failed). */
  score: number;
  /** Every verdict passed and there was no error. */
  passed: boolean;
  /** Every failing verdict's reasons, prefixed by scorer (`calls:missing_required:path`), plus `error:...`. */
  reasons: string[];
  verdicts: Verdict[];
  /** Set when the engine failed or no output was recorded; such a case scores 0 and is unsuccessful. */
  error?: string;
  parsed: ParseResult;
}
