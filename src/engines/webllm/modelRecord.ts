// The WebLLM model record and app config for a model reference: the catalog's record from the
// installed prebuiltAppConfig, or one built from a custom model's URLs.
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';
import type { WebLlmModelRef } from '../../core/engine.ts';

/** MLC quantisation names: q4f16_1, q0f16 … run 16-bit float shaders. */
export const F16_BUILD = /-q\df16(?:_\d+)?-/;

export function modelRecordFor(ref: WebLlmModelRef, prebuilt: AppConfig): ModelRecord | undefined {
  const record =
    ref.kind === 'custom'
      ? { model: ref.modelUrl, model_id: ref.modelId, model_lib: ref.modelLibUrl }
      : prebuilt.model_list.find((m) => m.model_id === ref.modelId);
  // WebLLM's prebuilt f16 records do not declare the feature; declared, WebLLM checks it too.
  return record && F16_BUILD.test(record.model_id)
    ? { ...record, required_features: ['shader-f16'] }
    : record;
}

/** An app config holding just this model, cached with the Cache API (WebLLM's best-tested backend). */
export function appConfigFor(ref: WebLlmModelRef, prebuilt: AppConfig): AppConfig | undefined {
  const record = modelRecordFor(ref, prebuilt);
  return record ? { model_list: [record], cacheBackend: 'cache' } : undefined;
}
