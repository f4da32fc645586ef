import type { CallFormat } from '../../../../src/core/parser/index.ts';

/**
 * A deliberately naive model of Punie's parser, for differential tests only: the same regular
 * expressions (quadratic, which is fine on short test strings), the same passes (tagged blocks, then
 * broken XML skipping matches that overlap a block, then json fences), the same "name" in call test.
 * The fence pass is an assumption (the reference describes it; the regex is the one it implies).
 * It marks results `comparable: false` where Punie would do what tabeval deliberately does not:
 * overlapping removals (which garble Punie's text), non-string names, non-object arguments, fences
 * holding numbers, null or strings, and Python's `"name" in list`.
 */
export interface OracleCall {
  name: unknown;
  arguments: unknown;
  format: CallFormat;
  start: number;
  end: number;
}

/** What the model of Punie's parser returns. */
export interface OracleResult {
  text: string;
  calls: OracleCall[];
  comparable: boolean;
}

const TAGGED = /<tool_call>([\s\S]*?)<\/tool_call>/g;
const BROKEN = /<function=([^>]+)>([\s\S]*?)<\/function>\s*<\/tool_call>/g;
const WHITESPACE = /\s/;
const FUNCTION = /<function=([^>]+)>/;
const PARAMETER = /<parameter=([^>]+)>([\s\S]*?)<\/parameter>/g;

/** Runs the model of Punie's parser on `text` (ASCII test strings: Python and JS agree on whitespace). */
export function punieOracle(text: string): OracleResult {
  const calls: OracleCall[] = [];
  const removals: [number, number][] = [];
  let comparable = true;

  for (const match of text.matchAll(TAGGED)) {
    const start = match.index;
    const end = start + match[0].length;
    const content = (match[1] ?? '').trim();
    let parsed = false;
    if (content.startsWith('{')) {
      try {
        const call: unknown = JSON.parse(content);
        if (isObject(call) && Object.hasOwn(call, 'name')) {
          calls.push({ ...nameAndArguments(call), format: 'tagged-json', start, end });
          parsed = true;
        }
      } catch {
        // Punie: json.JSONDecodeError is swallowed, XML is tried next
      }
    }
    if (!parsed) {
      const fn = FUNCTION.exec(content);
      if (fn)
        calls.push({
          name: (fn[1] ?? '').trim(),
          arguments: parameters(content),
          format: 'tagged-xml',
          start,
          end,
        });
    }
    removals.push([start, end]);
  }

  for (const match of text.matchAll(BROKEN)) {
    const start = match.index;
    const end = start + match[0].length;
    const overlaps = removals.some(([s, e]) => (s <= start && start < e) || (s < end && end <= e));
    if (overlaps) continue;
    const args = parameters(match[2] ?? '');
    if (Object.keys(args).length === 0) continue;
    calls.push({ name: (match[1] ?? '').trim(), arguments: args, format: 'broken-xml', start, end });
    removals.push([start, end]);
  }

  for (const { start, end, content } of fenceMatches(text)) {
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch {
      continue;
    }
    if (typeof value === 'string' || Array.isArray(value)) {
      if (value.includes('name')) comparable = false; // Python: "name" in str / list
      continue;
    }
    if (!isObject(value)) {
      comparable = false; // Python: TypeError on "name" in 42 / None
      continue;
    }
    if (!Object.hasOwn(value, 'name')) continue;
    calls.push({ ...nameAndArguments(value), format: 'fenced-json', start, end });
    removals.push([start, end]);
  }

  for (const call of calls) {
    const args = call.arguments;
    if (typeof call.name !== 'string' || !isObject(args)) comparable = false;
  }
  const sorted = [...removals].sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    if ((sorted[i]?.[0] ?? 0) < (sorted[i - 1]?.[1] ?? 0)) comparable = false;
  }
  let clean = text;
  for (const [start, end] of [...removals].sort((a, b) => b[0] - a[0])) {
    clean = clean.slice(0, start) + clean.slice(end);
  }
  return { text: clean.trim(), calls, comparable };
}

/**
 * The matches of ```` ```json\s*\n(.*?)\n``` ```` (DOTALL) as `re.finditer` yields them, by explicit
 * backtracking (the regex itself is what the lint rule against super-linear backtracking forbids).
 */
function fenceMatches(text: string): { start: number; end: number; content: string }[] {
  const matches: { start: number; end: number; content: string }[] = [];
  let at = 0;
  while (at < text.length) {
    const match = fenceMatchAt(text, at);
    if (match) {
      matches.push(match);
      at = match.end;
    } else {
      at++;
    }
  }
  return matches;
}

function fenceMatchAt(
  text: string,
  start: number,
): { start: number; end: number; content: string } | undefined {
  if (!text.startsWith('```json', start)) return undefined;
  const runStart = start + '```json'.length;
  let runEnd = runStart;
  while (runEnd < text.length && WHITESPACE.test(text.charAt(runEnd))) runEnd++;
  // \s* is greedy: the longest run that still leaves a '\n' to match comes first.
  for (let newline = runEnd - 1; newline >= runStart; newline--) {
    if (text.charAt(newline) !== '\n') continue;
    const close = text.indexOf('\n```', newline + 1);
    if (close >= 0) return { start, end: close + 4, content: text.slice(newline + 1, close) };
  }
  return undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nameAndArguments(call: Record<string, unknown>): { name: unknown; arguments: unknown } {
  const written = Object.hasOwn(call, 'arguments') ? call['arguments'] : call['parameters'];
  return { name: call['name'], arguments: written ?? {} };
}

function parameters(text: string): Record<string, string> {
  const args: Record<string, string> = {};
  for (const match of text.matchAll(PARAMETER)) {
    Object.defineProperty(args, (match[1] ?? '').trim(), {
      value: (match[2] ?? '').trim(),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return args;
}
