import type { GenerationParams, GenerationRequest } from '../engine.ts';
import { sha256Hex } from '../hash/sha256Hex.ts';
import { canonicalJson } from '../suite/canonicalJson.ts';
import { buildMessages } from '../suite/buildMessages.ts';
import { offeredTools } from '../suite/offeredTools.ts';
import type { Suite, SuiteCase } from '../suite/types.ts';

/**
 * The generation request of one case and sample, the one place prompts are built for every
 * engine (WebLLM, endpoint, replay): the suite's system prompt with Qwen's tools block of the tools
 * the case offers (its `tools`, default all the suite's), then the case's turns, and those tools. Sample `i` uses seed `params.seed + i`, so samples at temperature > 0 differ while a
 * run stays reproducible. In `native` tool-call mode the tools go to the server as its `tools`
 * parameter and its chat template writes them into the prompt, so the system prompt leaves the
 * tools block out instead of giving the model every tool twice.
 */
export function caseRequest(
  suite: Suite,
  testCase: SuiteCase,
  params: GenerationParams,
  sample: number,
): GenerationRequest {
  return {
    messages: buildMessages(params.tool_call_mode === 'native' ? { ...suite, tools: [] } : suite, testCase),
    params: sample === 0 ? params : { ...params, seed: params.seed + sample },
    tools: offeredTools(suite, testCase),
    caseId: testCase.id,
    sample,
  };
}

/**
 * SHA-256 of what a request asks the model (its messages and offered tools, canonical JSON): a
 * replay compares it with the recorded one to tell whether the suite changed since the recording.
 */
export function requestHash(request: Pick<GenerationRequest, 'messages' | 'tools'>): string {
  return sha256Hex(
    canonicalJson({
      messages: request.messages.map((m) => [m.role, m.content]),
      tools: request.tools,
    }),
  );
}
