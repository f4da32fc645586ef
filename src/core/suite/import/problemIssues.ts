// valibot issues of one JSONL record, located as `line N, field` for the user.
import * as v from 'valibot';
import { formatPath } from '../../validation/formatPath.ts';
import { formatIssue } from '../../validation/formatIssue.ts';
import { linePath } from './readJsonLines.ts';
import type { ImportIssue } from './types.ts';

/**
 * Validates one JSONL record against a problem schema; the problems are located by line and
 * field (`line 7, test_list[2]`). Never throws.
 */
export function parseProblem<TSchema extends v.GenericSchema>(
  schema: TSchema,
  value: unknown,
  line: number,
): { ok: true; value: v.InferOutput<TSchema> } | { ok: false; issues: ImportIssue[] } {
  const parsed = v.safeParse(schema, value, { abortEarly: false });
  if (parsed.success) return { ok: true, value: parsed.output };
  return {
    ok: false,
    issues: parsed.issues.map((issue) => {
      const located = formatIssue(issue);
      return {
        path: linePath(line, located.path.length === 0 ? undefined : formatPath(located.path)),
        message: located.message,
      };
    }),
  };
}
