/**
 * The verdict text for a prompt that does not fit: `prompt too long for this build: N tokens of M`
 * when the prompt alone is over the context window `M`, and the same with `, and max_tokens K does
 * not fit after it` when the prompt fits but prompt plus `maxTokens` does not. Null when it fits
 * or a figure is unknown. Pure; never throws.
 */
export function promptTooLong(
  promptTokens: number | null,
  maxTokens: number,
  contextWindow: number | null,
): string | null {
  if (promptTokens === null || contextWindow === null) return null;
  if (!Number.isFinite(promptTokens) || !Number.isFinite(contextWindow)) return null;
  const head = `prompt too long for this build: ${promptTokens} tokens of ${contextWindow}`;
  if (promptTokens > contextWindow) return head;
  if (promptTokens + maxTokens > contextWindow)
    return `${head}, and max_tokens ${maxTokens} does not fit after it`;
  return null;
}

const WEBLLM_FIGURES = /number of prompt tokens: (\d{1,9}); context window size: (\d{1,9})/;

/**
 * The prompt and context-window sizes in WebLLM's ContextWindowSizeExceededError message
 * (`…number of prompt tokens: 5000; context window size: 4096…`), or null. Never throws.
 */
export function promptSizesInMessage(
  message: string,
): { promptTokens: number; contextWindow: number } | null {
  const match = WEBLLM_FIGURES.exec(message.slice(0, 2000));
  if (match === null) return null;
  return { promptTokens: Number(match[1]), contextWindow: Number(match[2]) };
}
