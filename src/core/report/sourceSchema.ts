// Where a report's outputs came from: one shape per engine kind.
import * as v from 'valibot';
import { shortText } from '../validation/fields.ts';

const url = v.nullable(shortText(2000));

/** A model run in the tab by WebLLM: its id, weights URL and library URL, and WebLLM's version. */
export const WebLlmSourceSchema = v.strictObject({
  kind: v.literal('webllm'),
  version: shortText(100),
  model: v.strictObject({ id: shortText(500), url, libUrl: url }),
});

/**
 * A model behind an OpenAI-compatible server: the model name the server knows, the server software
 * when it said (`llama.cpp`, `vLLM`…), and the server's origin only if the user agreed to record it.
 */
export const EndpointSourceSchema = v.strictObject({
  kind: v.literal('endpoint'),
  model: shortText(500),
  server: v.nullable(shortText(200)),
  origin: url,
});

/** Outputs given to the CLI in a file (`tabeval score`): the model only if the user named it. */
export const OutputsSourceSchema = v.strictObject({
  kind: v.literal('outputs'),
  model: v.nullable(shortText(500)),
});

export const SourceSchema = v.variant('kind', [
  WebLlmSourceSchema,
  EndpointSourceSchema,
  OutputsSourceSchema,
]);

/** The engine kinds that produce reports. */
export type SourceKind = v.InferOutput<typeof SourceSchema>['kind'];
