// Which format a suite file is in, from its first line: tabeval JSON, HumanEval or MBPP JSONL.
import type { SuiteFormat } from './types.ts';

const HUMANEVAL_KEYS = ['entry_point', 'canonical_solution'];
const MBPP_KEYS = ['test_list'];
const BFCL_KEYS = ['question', 'function'];
const BFCL_ANSWER_KEYS = ['ground_truth'];
const TABEVAL_KEYS = ['cases', 'system_prompt'];

/** How far into the text the first line is looked for: a suite's first line is never longer. */
const FIRST_LINE_LIMIT = 1_000_000;

function firstLine(text: string): string {
  let start = 0;
  while (start < text.length && start < FIRST_LINE_LIMIT) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, Math.min(end, start + FIRST_LINE_LIMIT)).trim();
    if (line !== '') return line;
    start = end + 1;
  }
  return '';
}

function objectKeys(line: string): string[] | undefined {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.keys(value)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Which format a suite file is in, from its text: `humaneval` or `mbpp` when its first non-blank
 * line is a JSON object with the format's own fields (`entry_point` or `canonical_solution`;
 * `test_list`), `bfcl` for BFCL questions (`question` and `function`), `tabeval` when that line is a suite object (`cases`, `system_prompt`) or the text
 * begins a JSON object spread over lines, else `undefined`. Looks at the first line only, so a
 * large file costs one line's parse. Never throws.
 */
export function detectSuiteFormat(text: string): SuiteFormat | undefined {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const line = firstLine(source);
  const keys = objectKeys(line);
  if (keys !== undefined) {
    if (TABEVAL_KEYS.some((key) => keys.includes(key))) return 'tabeval';
    if (HUMANEVAL_KEYS.some((key) => keys.includes(key))) return 'humaneval';
    if (MBPP_KEYS.some((key) => keys.includes(key))) return 'mbpp';
    if (BFCL_KEYS.every((key) => keys.includes(key))) return 'bfcl';
    return undefined;
  }
  return line.startsWith('{') ? 'tabeval' : undefined;
}

/**
 * Whether a text is a BFCL possible-answers file: its first non-blank line is a JSON object with
 * `ground_truth`. Looks at the first line only; never throws.
 */
export function isBfclAnswersText(text: string): boolean {
  const keys = objectKeys(firstLine(text.startsWith('\uFEFF') ? text.slice(1) : text));
  return keys !== undefined && BFCL_ANSWER_KEYS.every((key) => keys.includes(key));
}
