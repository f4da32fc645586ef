import type { ModelRef } from './engine.ts';

/** The name a model goes by: its WebLLM build id, or the model name a server knows. */
export function modelName(ref: ModelRef): string {
  return ref.engine === 'webllm' ? ref.modelId : ref.model;
}
