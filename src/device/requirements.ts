// The WebGPU limits WebLLM requests when it creates its device (detectGPUDevice in
// @mlc-ai/web-llm 0.2.86). Below these it refuses to start.

const MiB = 1024 * 1024;

export const WEBLLM_MIN_LIMITS = {
  maxBufferSize: 256 * MiB,
  maxStorageBufferBindingSize: 128 * MiB,
  maxComputeWorkgroupStorageSize: 32 * 1024,
  maxStorageBuffersPerShaderStage: 10,
} as const;

export type WebLlmLimitName = keyof typeof WEBLLM_MIN_LIMITS;

/** WebLLM asks for 1 GiB buffers when the adapter offers them; below that a device is "limited". */
export const FULL_BINDING_SIZE = 1024 * MiB;

export interface LimitShortfall {
  name: WebLlmLimitName;
  required: number;
  actual: number | null;
}

/** The WebLLM minimums that `limits` does not meet (missing limits count as not met). */
export function limitShortfalls(limits: Record<string, number>): LimitShortfall[] {
  const out: LimitShortfall[] = [];
  for (const [name, required] of Object.entries(WEBLLM_MIN_LIMITS) as [WebLlmLimitName, number][]) {
    const actual = limits[name];
    if (actual === undefined || actual < required) out.push({ name, required, actual: actual ?? null });
  }
  return out;
}

/**
 * The limits to request for a device like WebLLM's: 1 GiB buffers when offered, else the
 * minimums. Used by the worker's probe to prove a WebLLM-capable device can be created.
 */
export function webLlmRequiredLimits(limits: Record<string, number>): Record<WebLlmLimitName, number> {
  const fit = (name: 'maxBufferSize' | 'maxStorageBufferBindingSize'): number =>
    (limits[name] ?? 0) >= FULL_BINDING_SIZE ? FULL_BINDING_SIZE : WEBLLM_MIN_LIMITS[name];
  return {
    maxBufferSize: fit('maxBufferSize'),
    maxStorageBufferBindingSize: fit('maxStorageBufferBindingSize'),
    maxComputeWorkgroupStorageSize: WEBLLM_MIN_LIMITS.maxComputeWorkgroupStorageSize,
    maxStorageBuffersPerShaderStage: WEBLLM_MIN_LIMITS.maxStorageBuffersPerShaderStage,
  };
}
