// Which code in a model's reply is the solution, and how it is put together with the case's code
// prefix. The rule (stated in the README):
//   1. the python fenced block that defines the entry point (the last such block);
//   2. else the last python block (a fence labelled python, py or python3, or unlabelled);
//   3. else, when the reply has no fence at all, the whole reply if its first line reads as Python;
//   4. else no code.
// With `prompt_code` (HumanEval), the code that runs is the prefix followed by the solution, as
// HumanEval runs prompt + completion: a reply holding only the body completes the function (a body
// written without indentation is indented by four spaces); a reply that repeats the signature
// redefines the function after the prefix, keeping the prefix's imports and helpers.
import type { ExecutionSpec, PreparedSolution } from './schema.ts';

const PYTHON_LABELS = new Set(['', 'python', 'py', 'python3', 'py3']);

/** Names the tests call that are not the function under test. */
const NOT_ENTRY_POINTS = new Set([
  'abs', 'all', 'any', 'bool', 'dict', 'float', 'int', 'isinstance', 'len', 'list', 'max', 'min',
  'round', 'set', 'sorted', 'str', 'sum', 'tuple', 'type', 'frozenset', 'math', 'candidate', 'not',
  'reversed', 'map', 'filter', 'zip', 'range', 'enumerate', 'repr', 'hash', 'id', 'callable',
]); // prettier-ignore

/** A first line that starts Python code: a definition, an import, a decorator, a comment, a statement. */
const PYTHON_START =
  /^(?:(?:async\s+)?def\s|class\s|import\s|from\s+[\w.]+\s+import\s|@\w|#|return\b|if\s|for\s|while\s|with\s|try:|[A-Z_a-z][\w.]*(?:\s*,\s*[A-Z_a-z]\w*)*\s*(?:[-+*/%|&^]?=|\())/;

interface Fence {
  label: string;
  body: string;
}

/** An opening fence line: three or more backticks or tildes, then the info string (language). */
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})([^`~]*)$/;

/**
 * The closed fenced blocks of a reply, line by line (linear in the reply's length: the reply is
 * untrusted). An unclosed fence at the end counts as closed by the end of the reply, as a reply cut
 * off by the token limit often is.
 */
function fencesOf(reply: string): Fence[] {
  const fences: Fence[] = [];
  let open: { marker: string; label: string; lines: string[] } | null = null;
  for (const line of reply.split('\n')) {
    if (open === null) {
      const match = FENCE_OPEN.exec(line);
      if (match !== null) {
        const label = (match[2] ?? '').trim().split(/\s/)[0] ?? '';
        open = { marker: match[1] ?? '```', label: label.toLowerCase(), lines: [] };
      }
      continue;
    }
    const trimmed = line.trim();
    const closes =
      trimmed.length >= open.marker.length && [...trimmed].every((char) => char === open?.marker[0]);
    if (closes) {
      fences.push({ label: open.label, body: open.lines.map((l) => `${l}\n`).join('') });
      open = null;
    } else {
      open.lines.push(line);
    }
  }
  if (open !== null) fences.push({ label: open.label, body: open.lines.map((l) => `${l}\n`).join('') });
  return fences;
}

function escapeRegExp(text: string): string {
  return text.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');
}

/** Whether `code` defines `name` at its top level (`def name(` or `async def name(`). */
export function definesFunction(code: string, name: string): boolean {
  return new RegExp(`^(?:async\\s+)?def\\s+${escapeRegExp(name)}\\s*\\(`, 'm').test(code);
}

/**
 * The function under test: `entry_point`, else (MBPP) the first function an `assert` of the tests
 * calls that is not a builtin. Undefined when neither names one.
 */
export function entryPointOf(spec: ExecutionSpec): string | undefined {
  if (spec.entry_point !== undefined) return spec.entry_point;
  for (const line of spec.tests.split('\n')) {
    const assertion = /^\s*assert\b(.*)$/.exec(line)?.[1];
    if (assertion === undefined) continue;
    for (const call of assertion.matchAll(/(?<![\w.])([a-z_]\w*)\s*\(/gi)) {
      const name = call[1];
      if (name !== undefined && !NOT_ENTRY_POINTS.has(name)) return name;
    }
  }
  return undefined;
}

/** Whether an unfenced reply reads as Python: its first non-blank line starts a statement. */
function readsAsPython(reply: string): boolean {
  const first = reply.split('\n').find((line) => line.trim() !== '');
  if (first === undefined) return false;
  // An indented first line is a function body (a HumanEval completion).
  if (/^[ \t]+\S/.test(first)) return true;
  return PYTHON_START.test(first);
}

function indentBody(code: string): string {
  return code
    .split('\n')
    .map((line) => (line.trim() === '' ? line : `    ${line}`))
    .join('\n');
}

function assemble(
  code: string,
  spec: ExecutionSpec,
  entryPoint: string | undefined,
): Pick<PreparedSolution, 'code' | 'assembly'> {
  const prefix = spec.prompt_code;
  if (prefix === undefined || prefix.trim() === '') return { code, assembly: 'as_written' };
  const joint = prefix.endsWith('\n') ? '' : '\n';
  const definesIt = entryPoint !== undefined && definesFunction(code, entryPoint);
  if (definesIt) return { code: `${prefix}${joint}\n${code}`, assembly: 'prompt_prefix' };
  const first = code.split('\n').find((line) => line.trim() !== '') ?? '';
  const body = /^[ \t]/.test(first) ? code : indentBody(code);
  return { code: `${prefix}${joint}${body}`, assembly: 'prompt_prefix' };
}

/**
 * The solution in `reply` for a case's execution block, ready to run, or null when the reply holds
 * no code. Pure; never throws.
 */
export function prepareSolution(reply: string, spec: ExecutionSpec): PreparedSolution | null {
  const entryPoint = entryPointOf(spec);
  const fences = fencesOf(reply);
  const python = fences.filter((fence) => PYTHON_LABELS.has(fence.label) && fence.body.trim() !== '');
  const defining =
    entryPoint === undefined
      ? undefined
      : python.findLast((fence) => definesFunction(fence.body, entryPoint));
  if (defining !== undefined) {
    return { ...assemble(defining.body, spec, entryPoint), choice: 'fence_entry_point' };
  }
  const last = python.at(-1);
  if (last !== undefined) return { ...assemble(last.body, spec, entryPoint), choice: 'last_fence' };
  if (fences.length === 0 && readsAsPython(reply)) {
    return { ...assemble(reply, spec, entryPoint), choice: 'unfenced' };
  }
  return null;
}
