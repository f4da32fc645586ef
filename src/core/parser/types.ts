// A call, a near miss and their kinds are defined once, as the report's schemas
// (core/report/parsedSchema.ts); the parser's types are those.
import type * as v from 'valibot';
import type {
  CallFormatSchema,
  NearMissKindSchema,
  NearMissSchema,
  ToolCallSchema,
} from '../report/parsedSchema.ts';

/** The text conventions a tool call can be written in (see README, "Tool-call formats"). */
export type CallFormat = v.InferOutput<typeof CallFormatSchema>;

/** Arguments of a parsed call: JSON values for the JSON formats, trimmed strings for the XML ones. */
export type CallArguments = ToolCall['arguments'];

/** One tool call found in model output. `start`/`end` are UTF-16 offsets into the input; `end` is exclusive. */
export type ToolCall = v.InferOutput<typeof ToolCallSchema>;

/**
 * Something that looks like an attempted tool call but is not one. Never counted as a call;
 * reported so format drift (e.g. `"tool"` instead of `"name"`) is visible instead of silent.
 * (kinds: see `NEAR_MISS_KINDS`).
 */
export type NearMissKind = v.InferOutput<typeof NearMissKindSchema>;

/**
 * One near miss: its kind, its span (UTF-16 offsets, `end` exclusive) and a plain-words detail.
 * A near miss found inside `<tool_call>…</tool_call>` spans the whole block, and that block is removed
 * from `ParseResult.text` like a call (kinds `bad-json`, `multiple-objects`, `tool-key`, `not-a-call`).
 * Every other near miss leaves its text in place: `unclosed-tag` spans the opening tag alone, fence
 * near misses span the fence. Calls and near misses never overlap (see `removedSpans`).
 */
export type NearMiss = v.InferOutput<typeof NearMissSchema>;

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
