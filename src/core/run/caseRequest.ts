import type { GenerationParams, GenerationRequest } from '../engine.ts';
import { sha256Hex } from '../hash/sha256Hex.ts';
import { sha256HexOfParts } from '../hash/sha256HexOfParts.ts';
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
 * SHA-256 of what a request asks the model (its messages and offered tools, canonical JSON:
 * `canonicalJson({ messages: [[role, content], …], tools })`): a replay compares it with the
 * recorded one to tell whether the suite changed since the recording. The text is built in parts so
 * a system prompt shared by every case is hashed once a run (`sha256HexOfParts`), and each tool's
 * canonical JSON is written once per tool object. Never throws for a validated suite's request.
 */
export function requestHash(request: Pick<GenerationRequest, 'messages' | 'tools'>): string {
  const [first, ...others] = request.messages;
  const pair = (m: { role: string; content: string }) =>
    `[${JSON.stringify(m.role)},${JSON.stringify(m.content)}]`;
  const tools = `[${request.tools.map(toolJson).join(',')}]`;
  if (first === undefined) return sha256Hex(`{"messages":[],"tools":${tools}}`);
  const rest = `${others.map((m) => `,${pair(m)}`).join('')}],"tools":${tools}}`;
  // Only a system turn is shared between cases; a user turn as the prefix would fill the cache.
  if (first.role !== 'system') return sha256Hex(`{"messages":[${pair(first)}${rest}`);
  let prefix = systemPrefixes.get(first.content);
  if (prefix === undefined) {
    if (systemPrefixes.size >= 16) systemPrefixes.clear();
    prefix = `{"messages":[${pair(first)}`;
    systemPrefixes.set(first.content, prefix);
  }
  return sha256HexOfParts(prefix, rest);
}

// The text before a system prompt's first case-specific byte, by the prompt: the same string each
// time, so looking its hash state up costs no rehashing of kilobytes.
const systemPrefixes = new Map<string, string>();

const toolJsonByTool = new WeakMap<object, string>();

/** A tool's canonical JSON, remembered per tool object (a validated suite's tools never change). */
function toolJson(tool: GenerationRequest['tools'][number]): string {
  let json = toolJsonByTool.get(tool);
  if (json === undefined) {
    json = canonicalJson(tool);
    toolJsonByTool.set(tool, json);
  }
  return json;
}
