import { buildSystemPrompt } from './buildSystemPrompt.ts';
import { offeredTools } from './offeredTools.ts';
import type { ChatMessage, Suite, SuiteCase } from './types.ts';

/**
 * The chat messages for one case: the system message (`buildSystemPrompt` with the tools the case
 * offers, `offeredTools`), then the case's
 * `prompt` as a user message or its `messages` as written. An empty system prompt is left out, so
 * the engine's own default applies instead of an empty system turn. Returns new message objects.
 */
export function buildMessages(
  suite: Pick<Suite, 'system_prompt' | 'tools'>,
  suiteCase: Pick<SuiteCase, 'prompt' | 'messages' | 'tools'>,
): ChatMessage[] {
  const system = buildSystemPrompt({
    system_prompt: suite.system_prompt,
    tools: offeredTools(suite, suiteCase),
  });
  const head: ChatMessage[] = system === '' ? [] : [{ role: 'system', content: system }];
  const turns: ChatMessage[] =
    suiteCase.messages?.map((message) => ({ role: message.role, content: message.content })) ??
    (suiteCase.prompt === undefined ? [] : [{ role: 'user', content: suiteCase.prompt }]);
  return [...head, ...turns];
}
