import { buildSystemPrompt } from './buildSystemPrompt.ts';
import { offeredTools } from './offeredTools.ts';
import type { ChatMessage, Suite, SuiteCase, ToolDefinition } from './types.ts';

/**
 * The chat messages for one case: the system message (`buildSystemPrompt` with the tools the case
 * offers, `offeredTools`), then the case's
 * `prompt` as a user message or its `messages` as written. An empty system prompt is left out, so
 * the engine's own default applies instead of an empty system turn. Returns new message objects.
 * The system prompt is built once per suite and tool list (a validated suite is never changed in
 * place), so the cases of a run share one string.
 */
export function buildMessages(
  suite: Pick<Suite, 'system_prompt' | 'tools'>,
  suiteCase: Pick<SuiteCase, 'prompt' | 'messages' | 'tools'>,
): ChatMessage[] {
  const system = systemPromptOf(suite, suiteCase);
  const head: ChatMessage[] = system === '' ? [] : [{ role: 'system', content: system }];
  const turns: ChatMessage[] =
    suiteCase.messages?.map((message) => ({ role: message.role, content: message.content })) ??
    (suiteCase.prompt === undefined ? [] : [{ role: 'user', content: suiteCase.prompt }]);
  return [...head, ...turns];
}

/** System prompts by the suite's tools array, then its prompt, then the case's tool names. */
const systemPrompts = new WeakMap<readonly ToolDefinition[], Map<string, Map<string, string>>>();

function systemPromptOf(
  suite: Pick<Suite, 'system_prompt' | 'tools'>,
  suiteCase: Pick<SuiteCase, 'tools'>,
): string {
  const build = () =>
    buildSystemPrompt({ system_prompt: suite.system_prompt, tools: offeredTools(suite, suiteCase) });
  // No tools (a suite without them, or native tool calls): nothing worth keeping.
  if (suite.tools.length === 0) return build();
  let byPrompt = systemPrompts.get(suite.tools);
  if (byPrompt === undefined) {
    byPrompt = new Map();
    systemPrompts.set(suite.tools, byPrompt);
  }
  let byTools = byPrompt.get(suite.system_prompt);
  if (byTools === undefined) {
    byTools = new Map();
    byPrompt.set(suite.system_prompt, byTools);
  }
  // JSON of the names: no separator a tool name could contain makes two lists one key.
  const key = suiteCase.tools === undefined ? '' : JSON.stringify(suiteCase.tools);
  let prompt = byTools.get(key);
  if (prompt === undefined) {
    prompt = build();
    byTools.set(key, prompt);
  }
  return prompt;
}
