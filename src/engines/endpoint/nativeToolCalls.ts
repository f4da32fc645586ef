// Native tool calls (the server's `tools` parameter) in the text the shared parser reads: each
// call written as Qwen's `<tool_call>` block, so native and prompted runs are scored by the same
// parser and scorers. The run records `tool_call_mode: "native"`, so the two are never mixed.
import type { ToolDefinition } from '../../core/suite/types.ts';
import type { StreamedToolCall } from '../openai/readChatStream.ts';

/** OpenAI's `tools` parameter for the offered tools. */
export function nativeTools(tools: readonly ToolDefinition[]): unknown[] {
  return tools.map((tool) => ({
    type: 'function',
    // A plain copy: schema records may have no prototype.
    function: JSON.parse(JSON.stringify(tool)) as unknown,
  }));
}

/**
 * The text of a completion with native tool calls: the content, then one
 * `<tool_call>\n{"name": …, "arguments": …}\n</tool_call>` per call. Arguments that are a JSON
 * object are written as that object; anything else (bad JSON from the model) as the string it
 * was, which the scorers then reject as they would in the prompt.
 */
export function textWithToolCalls(content: string, calls: readonly StreamedToolCall[]): string {
  if (calls.length === 0) return content;
  const blocks = calls.map((call) => {
    let args: unknown = call.arguments;
    try {
      const parsed: unknown = call.arguments.trim() === '' ? {} : JSON.parse(call.arguments);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) args = parsed;
    } catch {
      // Kept as the string it was.
    }
    return `<tool_call>\n${JSON.stringify({ name: call.name, arguments: args })}\n</tool_call>`;
  });
  return [content.trimEnd(), ...blocks].filter((part) => part !== '').join('\n');
}
