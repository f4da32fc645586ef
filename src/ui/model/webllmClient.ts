// The page's one WebLLM client (and so one model worker) for the whole session: the loaded model
// and the WebLLM cache panel talk to the same worker.
import { WebLlmEngine } from '../../engines/webllm/client.ts';

let client: WebLlmEngine | undefined;

/** The shared WebLLM client, created on first use (creating it starts no worker). */
export function webllmClient(): WebLlmEngine {
  client ??= new WebLlmEngine();
  return client;
}
