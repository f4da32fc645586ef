/** The text conventions a tool call can be written in (see README, "Tool-call formats"). */
export type CallFormat = 'tagged-json' | 'tagged-xml' | 'broken-xml' | 'fenced-json';

/** Arguments of a parsed call: JSON values for the JSON formats, trimmed strings for the XML ones. */
export type CallArguments = Record<string, unknown>;

/** One tool call found in model output. `start`/`end` are UTF-16 offsets into the input; `end` is exclusive. */
export interface ToolCall {
  name: string;
  arguments: CallArguments;
  format: CallFormat;
  start: number;
  end: number;
}

/**
 * Something that looks like an attempted tool call but is not one. Never counted as a call;
 * reported so format drift (e.g. `"tool"` instead of `"name"`) is visible instead of silent.
 */
export type NearMissKind =
  | 'tool-key' // a JSON object with "tool" where "name" belongs
  | 'unlabelled-fence' // a call-shaped JSON object in a fence without the `json` label
  | 'bad-json' // <tool_call> whose content is not valid JSON (nor XML)
  | 'unclosed-tag' // <tool_call> with no </tool_call>
  | 'multiple-objects' // two or more JSON objects in one <tool_call>
  | 'not-a-call'; // valid JSON in a tag or json fence that is not a call (no "name", not an object)

/**
 * One near miss: its kind, its span (UTF-16 offsets, `end` exclusive) and a plain-words detail.
 * A near miss found inside `<tool_call>…</tool_call>` spans the whole block, and that block is removed
 * from `ParseResult.text` like a call (kinds `bad-json`, `multiple-objects`, `tool-key`, `not-a-call`).
 * Every other near miss leaves its text in place: `unclosed-tag` spans the opening tag alone, fence
 * near misses span the fence. Calls and near misses never overlap (see `removedSpans`).
 */
export interface NearMiss {
  kind: NearMissKind;
  start: number;
  end: number;
  /** Plain-words explanation of what was wrong, for people. */
  detail: string;
}

/**
 * What `parseToolCalls` returns. `text` is the input with call spans (and whole `<tool_call>` blocks
 * that held no call) removed, the pieces joined directly, trimmed at both ends. `calls` and
 * `nearMisses` are each in document order.
 */
export interface ParseResult {
  text: string;
  calls: ToolCall[];
  nearMisses: NearMiss[];
}
