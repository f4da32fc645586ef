// A custom model: an MLC weights folder and its compiled WebGPU library at absolute URLs.
// Checked in two steps: the URLs' shape (synchronous, in the page), then the folder's contents
// (network, in the worker) so a wrong URL fails with a message naming the file, before WebLLM
// starts a download that would only say "Request failed".
import type { EngineError, EngineResult, WebLlmModelRef } from '../../core/engine.ts';
import { modelArtifactUrls } from './artifactUrls.ts';
import { describeOutcome, fetchJson, probeUrl, type FetchLike } from './fetchProbe.ts';
import { findCatalogModel } from './models.ts';

export type CustomModelRef = Extract<WebLlmModelRef, { kind: 'custom' }>;

export interface CustomModelInput {
  modelUrl: string;
  modelLibUrl: string;
  /** Optional display id; derived from the folder name when empty. */
  modelId?: string;
}

function invalid(message: string, url?: string): { ok: false; error: EngineError } {
  return { ok: false, error: { name: 'InvalidCustomModel', message, ...(url === undefined ? {} : { url }) } };
}

function parseAbsoluteHttpUrl(raw: string): URL | undefined {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The folder name: ".../org/Name-MLC/resolve/main/" -> "Name-MLC". */
function folderName(url: URL): string {
  const parts = url.pathname.split('/').filter((p) => p.length > 0);
  const resolveAt = parts.indexOf('resolve');
  const name = resolveAt > 0 ? parts[resolveAt - 1] : parts.at(-1);
  return decodeURIComponent(name ?? url.hostname);
}

/** Check the shape of the URLs. Returns the model reference to load, or what to fix. */
export function validateCustomModel(input: CustomModelInput): EngineResult<CustomModelRef> {
  const modelUrlText = input.modelUrl.trim();
  const libUrlText = input.modelLibUrl.trim();
  const modelUrl = parseAbsoluteHttpUrl(modelUrlText);
  if (!modelUrl) {
    return invalid(
      `The model folder URL "${modelUrlText}" is not an absolute http(s) URL. ` +
        'Enter the full address, e.g. https://huggingface.co/mlc-ai/Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC ' +
        '(relative URLs do not work: WebLLM loads them from its worker).',
      modelUrlText,
    );
  }
  const libUrl = parseAbsoluteHttpUrl(libUrlText);
  if (!libUrl) {
    return invalid(
      `The model library URL "${libUrlText}" is not an absolute http(s) URL. Enter the full address of the .wasm file.`,
      libUrlText,
    );
  }
  if (!libUrl.pathname.endsWith('.wasm')) {
    return invalid(
      `The model library URL must point to the compiled WebGPU library, a file ending in .wasm; "${libUrl.href}" does not.`,
      libUrl.href,
    );
  }
  let modelId = input.modelId?.trim() || folderName(modelUrl);
  if (findCatalogModel(modelId)) modelId = `${modelId}-custom`;
  return {
    ok: true,
    value: { engine: 'webllm', kind: 'custom', modelId, modelUrl: modelUrl.href, modelLibUrl: libUrl.href },
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Probe the folder for mlc-chat-config.json and tensor-cache.json and the library URL. Never
 * throws; the error names the file that is missing or malformed.
 */
export async function probeCustomModel(ref: CustomModelRef, fetchFn: FetchLike): Promise<EngineResult<void>> {
  const urls = modelArtifactUrls(ref.modelUrl, ref.modelLibUrl);
  const layoutHint =
    ' WebLLM reads a model folder at <url>/resolve/main/ unless the URL names a revision (…/resolve/<branch>/); ' +
    'a self-hosted folder needs that layout, and the host must allow cross-origin requests (CORS).';

  const config = await fetchJson(urls.config, fetchFn);
  if (!config.probe.ok) {
    return invalid(
      `No MLC model folder here: fetching ${urls.config} gave ${describeOutcome(config.probe)}.${layoutHint}`,
      urls.config,
    );
  }
  if (!isObject(config.json) || !('conv_template' in config.json || 'tokenizer_files' in config.json)) {
    return invalid(
      `${urls.config} is not an MLC chat config (${config.parseError ?? 'no conv_template or tokenizer_files'}). ` +
        'Point the model URL at a folder produced by `mlc_llm convert_weight` / `gen_config`.',
      urls.config,
    );
  }

  const tensors = await fetchJson(urls.tensorCache, fetchFn);
  if (!tensors.probe.ok) {
    return invalid(
      `The folder has a chat config but no weight index: fetching ${urls.tensorCache} gave ${describeOutcome(tensors.probe)}. ` +
        'An MLC weights folder contains tensor-cache.json next to its params_shard_*.bin files.',
      urls.tensorCache,
    );
  }
  if (!isObject(tensors.json) || !Array.isArray(tensors.json['records'])) {
    return invalid(
      `${urls.tensorCache} is not an MLC weight index (${tensors.parseError ?? 'no "records" list'}).`,
      urls.tensorCache,
    );
  }

  const lib = await probeUrl(urls.modelLib, fetchFn);
  if (!lib.ok) {
    return invalid(
      `The model library could not be fetched: ${urls.modelLib} gave ${describeOutcome(lib)}. ` +
        'It must be a .wasm compiled for this WebLLM version and served with CORS.',
      urls.modelLib,
    );
  }
  return { ok: true, value: undefined };
}
