import { validateSuite } from '../suite/validateSuite.ts';
import type { SuiteValidation } from '../suite/types.ts';
import type { Report } from './schema.ts';

/**
 * The suite embedded in a report, validated like any suite file (a report is untrusted input,
 * and so is the suite inside it). The result is kept per embedded suite object (a parsed report is
 * never changed in place), so reading, verifying and re-scoring a report validate its suite once.
 * Never throws.
 */
export function reportSuite(report: Report): SuiteValidation {
  const content = report.suite.content;
  const known = typeof content === 'object' && content !== null ? validated.get(content) : undefined;
  if (known !== undefined) return known;
  const result = validateSuite(content);
  const answer: SuiteValidation = result.ok
    ? result
    : { ok: false, issues: result.issues.map((i) => ({ ...i, path: `suite.content.${i.path}` })) };
  if (typeof content === 'object' && content !== null) validated.set(content, answer);
  return answer;
}

const validated = new WeakMap<object, SuiteValidation>();
