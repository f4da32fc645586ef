// A GenerationRequest for engine tests (not a test file itself).
import type { EngineMessage, GenerationParams, GenerationRequest } from '../../../src/core/engine.ts';
import { DEFAULT_PARAMS } from '../../../src/core/report/paramsSchema.ts';

/** A request of `messages` with the default parameters overridden by `params`. */
export function generationRequest(
  messages: EngineMessage[] = [],
  params: Partial<GenerationParams> = {},
  extra: Partial<Omit<GenerationRequest, 'messages' | 'params'>> = {},
): GenerationRequest {
  return {
    messages,
    params: { ...DEFAULT_PARAMS, ...params },
    tools: [],
    caseId: 'case',
    sample: 0,
    ...extra,
  };
}
