import type { NearMiss, ToolCall } from './types.ts';

/** A half-open range `[start, end)` of UTF-16 offsets into the parser's input. */
export interface Span {
  start: number;
  end: number;
}

/** `<tool_call>…</tool_call>`: always removed from the text, whatever its content. */
export interface TaggedBlockToken extends Span {
  type: 'tagged-block';
  raw: string;
  /** Offsets of the text between the two tags (not yet trimmed). */
  contentStart: number;
  contentEnd: number;
}

/** A `<tool_call>` with no `</tool_call>` anywhere after it. The token is the opening tag alone. */
export interface UnclosedTagToken extends Span {
  type: 'unclosed-tag';
  raw: string;
}

/** `<function=NAME>BODY</function>` + optional whitespace + `</tool_call>`, opening tag missing. */
export interface BrokenXmlToken extends Span {
  type: 'broken-xml';
  raw: string;
  /** The function name, trimmed. */
  name: string;
  bodyStart: number;
  bodyEnd: number;
}

/** ```` ```json ````, whitespace ending in a newline, content, a newline and ```` ``` ````. */
export interface FencedJsonToken extends Span {
  type: 'fenced-json';
  raw: string;
  contentStart: number;
  contentEnd: number;
}

/** A fence with no label or a label other than `json` holding a call-shaped JSON object. */
export interface UnlabelledFenceToken extends Span {
  type: 'unlabelled-fence';
  raw: string;
  /** The fence's label, trimmed ('' when there is none). */
  label: string;
  /** The JSON object inside, which has a string "name" or "tool". */
  value: Record<string, unknown>;
}

/** Every token a recogniser can return. */
export type Token =
  TaggedBlockToken | UnclosedTagToken | BrokenXmlToken | FencedJsonToken | UnlabelledFenceToken;

/** What reading a token's content gives: a call, a near miss, or nothing worth reporting. */
export type Reading = { kind: 'call'; call: ToolCall } | { kind: 'miss'; miss: NearMiss } | { kind: 'none' };
