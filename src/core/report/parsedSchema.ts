// What the shared parser finds in an output, as stored in reports: the schemas are the single
// definition of the call formats and near-miss kinds (core/parser/types.ts infers from them).
import * as v from 'valibot';
import { count, shortText } from '../validation/fields.ts';
import { ownRecord } from '../validation/ownRecord.ts';

/** The text conventions a tool call can be written in (README, "Tool-call formats"). */
export const CALL_FORMATS = ['tagged-json', 'tagged-xml', 'broken-xml', 'fenced-json'] as const;
export const CallFormatSchema = v.picklist(CALL_FORMATS);

/**
 * Kinds of near miss: `tool-key` ("tool" where "name" belongs), `unlabelled-fence` (a call-shaped
 * object in a fence without the `json` label), `bad-json` (a <tool_call> whose content is neither
 * JSON nor XML), `unclosed-tag`, `multiple-objects` (two or more objects in one <tool_call>),
 * `not-a-call` (valid JSON in a tag or json fence that is not a call).
 */
export const NEAR_MISS_KINDS = [
  'tool-key',
  'unlabelled-fence',
  'bad-json',
  'unclosed-tag',
  'multiple-objects',
  'not-a-call',
] as const;
export const NearMissKindSchema = v.picklist(NEAR_MISS_KINDS);

/** One tool call found in an output; `start`/`end` are UTF-16 offsets, `end` exclusive. */
export const ToolCallSchema = v.strictObject({
  name: v.string(),
  /** JSON values for the JSON formats, trimmed strings for the XML ones; every own key kept. */
  arguments: ownRecord(v.string(), v.unknown()),
  format: CallFormatSchema,
  start: count,
  end: count,
});

/** Something that looks like an attempted call but is not one, with a plain-words detail. */
export const NearMissSchema = v.strictObject({
  kind: NearMissKindSchema,
  start: count,
  end: count,
  detail: shortText(),
});
