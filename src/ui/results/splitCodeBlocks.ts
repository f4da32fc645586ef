/** A piece of a model output: prose, or a fenced code block. */
export type OutputSegment =
  | { kind: 'text'; text: string }
  | {
      kind: 'code';
      /** The first word of the fence's info string, lower-cased; '' when the fence has none. */
      language: string;
      /** The lines between the fences, without the newline before the closing fence. */
      code: string;
      /** False when the output ended inside the block (a truncated generation). */
      closed: boolean;
      /** The exact text of the block, fences included. */
      raw: string;
    };

// Per line (no newline inside), so each runs once per line and cannot backtrack across the output.
// CommonMark: a backtick fence's info string has no backticks (else the line is inline code); a
// tilde right after a tilde fence is part of the fence.
const BACKTICK_FENCE = /^ {0,3}(`{3,})([^`]*)$/;
const TILDE_FENCE = /^ {0,3}(~{3,})([^~].*)?$/;
const CLOSING_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

interface Line {
  start: number;
  /** Start of the next line (after the newline), or the input's length. */
  end: number;
  /** The line without its line ending. */
  text: string;
}

function* lines(input: string): Generator<Line> {
  let start = 0;
  while (start < input.length) {
    const newline = input.indexOf('\n', start);
    const end = newline === -1 ? input.length : newline + 1;
    const bare = input.slice(start, newline === -1 ? end : newline);
    yield { start, end, text: bare.endsWith('\r') ? bare.slice(0, -1) : bare };
    start = end;
  }
}

function openingFence(text: string): { fence: string; language: string } | undefined {
  const match = BACKTICK_FENCE.exec(text) ?? TILDE_FENCE.exec(text);
  if (!match) return undefined;
  const info = (match[2] ?? '').trim();
  return { fence: match[1] ?? '', language: (info.split(/\s/u)[0] ?? '').toLowerCase() };
}

function closesFence(text: string, fence: string): boolean {
  const match = CLOSING_FENCE.exec(text);
  const closing = match?.[1];
  return closing !== undefined && closing[0] === fence[0] && closing.length >= fence.length;
}

/**
 * Splits a model output at its fenced code blocks (``` or ~~~, CommonMark's line rules), in order.
 * The texts of the segments (`raw` for code) joined give back the input exactly. A block left open
 * runs to the end of the output. Linear in the length of the input; never throws.
 */
export function splitCodeBlocks(input: string): OutputSegment[] {
  const segments: OutputSegment[] = [];
  let textStart = 0;
  let open: { fence: string; language: string; start: number; bodyStart: number } | undefined;

  for (const line of lines(input)) {
    if (open === undefined) {
      const fence = openingFence(line.text);
      if (fence === undefined) continue;
      if (line.start > textStart) segments.push({ kind: 'text', text: input.slice(textStart, line.start) });
      open = { ...fence, start: line.start, bodyStart: line.end };
    } else if (closesFence(line.text, open.fence)) {
      const body = input.slice(open.bodyStart, line.start);
      segments.push({
        kind: 'code',
        language: open.language,
        code: body.replace(/\r?\n$/u, ''),
        closed: true,
        raw: input.slice(open.start, line.end),
      });
      open = undefined;
      textStart = line.end;
    }
  }

  if (open !== undefined) {
    const raw = input.slice(open.start);
    segments.push({
      kind: 'code',
      language: open.language,
      code: input.slice(open.bodyStart),
      closed: false,
      raw,
    });
  } else if (textStart < input.length) {
    segments.push({ kind: 'text', text: input.slice(textStart) });
  }
  return segments;
}
