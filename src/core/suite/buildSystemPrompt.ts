import { renderToolJson } from './renderToolJson.ts';
import type { Suite, ToolDefinition } from './types.ts';

/** Where the tool lines go in `QWEN_TOOLS_TEMPLATE`. */
export const TOOL_LINES_PLACEHOLDER = '{tool_lines}';

/** Where the tools block goes in a suite's `system_prompt`; without it the block is appended. */
export const TOOLS_PLACEHOLDER = '{tools}';

/**
 * The tools block of Qwen2.5's chat template (its `if tools` branch), verbatim, with the tool lines
 * replaced by `TOOL_LINES_PLACEHOLDER`. Hash this text to identify the prompt convention in reports.
 */
export const QWEN_TOOLS_TEMPLATE =
  '# Tools\n\nYou may call one or more functions to assist with the user query.\n\n' +
  'You are provided with function signatures within <tools></tools> XML tags:\n<tools>\n' +
  TOOL_LINES_PLACEHOLDER +
  '\n</tools>\n\n' +
  'For each function call, return a json object with function name and arguments within <tool_call></tool_call> XML tags:\n' +
  '<tool_call>\n{"name": <function-name>, "arguments": <args-json-object>}\n</tool_call>';

/**
 * The tools block of a system prompt, in Qwen2.5's own convention: `QWEN_TOOLS_TEMPLATE` with one
 * JSON line per tool (`renderToolJson`). No tools give the empty string, as Qwen's template adds
 * no block then.
 */
export function renderToolsBlock(tools: readonly ToolDefinition[]): string {
  if (tools.length === 0) return '';
  return QWEN_TOOLS_TEMPLATE.split(TOOL_LINES_PLACEHOLDER).join(tools.map(renderToolJson).join('\n'));
}

/**
 * The system message the model sees for a suite: its `system_prompt` with the tools block at each
 * `{tools}`; without the placeholder the block follows the prompt after a blank line (as Qwen's
 * template appends it), or stands alone when the prompt is empty. Without tools the placeholder
 * is removed and trailing whitespace trimmed. Pure; the same suite always gives the same text.
 */
export function buildSystemPrompt(suite: Pick<Suite, 'system_prompt' | 'tools'>): string {
  const block = renderToolsBlock(suite.tools);
  const prompt = suite.system_prompt;
  if (prompt.includes(TOOLS_PLACEHOLDER)) {
    const filled = prompt.split(TOOLS_PLACEHOLDER).join(block);
    return block === '' ? filled.trimEnd() : filled;
  }
  if (block === '') return prompt;
  return prompt.trim() === '' ? block : `${prompt}\n\n${block}`;
}
