import { validateSuite } from '../suite/validateSuite.ts';
import type { SuiteValidation } from '../suite/types.ts';
import type { Report } from './schema.ts';

/**
 * The suite embedded in a report, validated like any suite file (a report is untrusted input,
 * and so is the suite inside it). Never throws.
 */
export function reportSuite(report: Report): SuiteValidation {
  const result = validateSuite(report.suite.content);
  if (result.ok) return result;
  return { ok: false, issues: result.issues.map((i) => ({ ...i, path: `suite.content.${i.path}` })) };
}
