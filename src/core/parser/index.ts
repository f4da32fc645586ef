/** The shared tool-call parser: `parseToolCalls` and the types it returns. */
export { parseToolCalls } from './parseToolCalls.ts';
export { cutSpans, removedSpans } from './cutSpans.ts';
export { ParserProgressError } from './ParserProgressError.ts';
export type { Span } from './tokens.ts';
export type { CallArguments, CallFormat, NearMiss, NearMissKind, ParseResult, ToolCall } from './types.ts';
