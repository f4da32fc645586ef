// One entry for every suite format: detect, then validate (tabeval) or convert (HumanEval, MBPP).
import { parseSuiteJson } from '../parseSuiteJson.ts';
import type { Suite, SuiteIssue } from '../types.ts';
import { detectSuiteFormat } from './detectSuiteFormat.ts';
import { importHumanEval } from './importHumanEval.ts';
import { importMbpp } from './importMbpp.ts';
import { importBfcl } from './importBfcl.ts';
import type { ImportOptions, SuiteFormat } from './types.ts';

/** A suite read from a file's text, with the format it was in; or every problem found. */
export type SuiteReading =
  | { ok: true; format: SuiteFormat; suite: Suite; notes: SuiteIssue[] }
  | { ok: false; format: SuiteFormat | undefined; issues: SuiteIssue[] };

/** The names of the formats, for messages. */
export const SUITE_FORMAT_LABELS: Readonly<Record<SuiteFormat, string>> = {
  tabeval: 'tabeval suite JSON',
  humaneval: 'HumanEval JSONL',
  mbpp: 'MBPP JSONL',
  bfcl: 'BFCL JSON Lines',
};

/**
 * Reads a suite file's text in any format tabeval knows: a tabeval suite (validated), HumanEval
 * JSONL, MBPP JSONL or BFCL questions (converted; BFCL's answers come as `options.bfclAnswers`).
 * `notes` list what a conversion could not express (BFCL). `format` forces one; without it the format is detected
 * (`detectSuiteFormat`), and text in none of them gives one issue saying which were tried.
 * Never throws.
 */
export function readSuiteText(text: string, options: ImportOptions = {}, format?: SuiteFormat): SuiteReading {
  const chosen = format ?? detectSuiteFormat(text);
  if (chosen === undefined) {
    return {
      ok: false,
      format: undefined,
      issues: [
        {
          path: '(file)',
          message:
            'is not a tabeval suite (a JSON object), HumanEval JSONL (objects with task_id, prompt, test, ' +
            'entry_point), MBPP JSONL (objects with task_id, text, test_list) or BFCL questions ' +
            '(objects with id, question, function)',
        },
      ],
    };
  }
  if (chosen === 'bfcl') {
    const bfcl = importBfcl(text, options.bfclAnswers, options);
    return bfcl.ok
      ? { ok: true, format: chosen, suite: bfcl.value, notes: bfcl.notes }
      : { ok: false, format: chosen, issues: bfcl.issues };
  }
  const result =
    chosen === 'humaneval'
      ? importHumanEval(text, options)
      : chosen === 'mbpp'
        ? importMbpp(text, options)
        : parseSuiteJson(text);
  return result.ok
    ? { ok: true, format: chosen, suite: result.value, notes: [] }
    : { ok: false, format: chosen, issues: result.issues };
}
