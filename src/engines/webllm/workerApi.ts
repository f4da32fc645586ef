// The object the worker exposes. Built from pure functions and an injected WebLLM (`lib`), so it
// is unit-tested without a worker or a GPU; worker.ts passes the real library.
import type {
  AppConfig,
  ChatCompletionChunk,
  ChatCompletionRequestStreaming,
  ModelRecord,
} from '@mlc-ai/web-llm';
import type {
  EngineError,
  EngineInfo,
  EngineResult,
  GenerationResult,
  WebLlmModelRef,
} from '../../core/engine.ts';
import { sendToPage as send } from '../../workers/releaseCallback.ts';
import { checkWebLlmDevice } from '../../device/gpuDevice.ts';
import { modelArtifactUrls, resolveModelBaseUrl, type ModelArtifactUrls } from './artifactUrls.ts';
import {
  cachedBytesUnder,
  deleteFolder,
  readCacheInventory,
  type CacheStorageLike,
} from './cacheInventory.ts';
import { probeCustomModel } from './customModel.ts';
import { HostPolicy, untrustedHostError } from './hostPolicy.ts';
import { artifactFailureError, cacheReaderFor, findFailedArtifact, WEBLLM_CACHES } from './diagnose.ts';
import { toEngineError } from './errors.ts';
import type { FetchLike } from './fetchProbe.ts';
import { mapInitProgress, prepareProgress, type InitProgressReport } from './progress.ts';
import type { ProgressSink, TokenSink, WebLlmWorkerApi } from './protocol.ts';
import { buildWebLlmRequest } from './request.ts';
import { createTokenBatcher } from './tokenBatcher.ts';
import { appConfigFor as appConfigForRef, F16_BUILD, modelRecordFor } from './modelRecord.ts';
import { readChatStream } from '../openai/readChatStream.ts';
import { mapUsage } from '../openai/usage.ts';

/** The parts of MLCEngine used here. */
export interface EngineLike {
  setAppConfig(appConfig: AppConfig): void;
  setInitProgressCallback(cb: (report: InitProgressReport) => void): void;
  reload(modelId: string): Promise<void>;
  unload(): Promise<void>;
  interruptGenerate(): void | Promise<void>;
  chat: {
    completions: {
      create(request: ChatCompletionRequestStreaming): Promise<AsyncIterable<ChatCompletionChunk>>;
    };
  };
}

/** The WebLLM values the worker needs (worker.ts passes the real ones). */
export interface WebLlmLib {
  version: string;
  prebuiltAppConfig: AppConfig;
  createEngine(): EngineLike;
  hasModelInCache(modelId: string, appConfig: AppConfig): Promise<boolean>;
  deleteModelAllInfoInCache(modelId: string, appConfig: AppConfig): Promise<void>;
}

export interface WorkerEnv {
  lib: WebLlmLib;
  fetch: FetchLike;
  caches: CacheStorageLike;
  gpu(): GPU | undefined;
  now(): number;
  /** Release a comlink callback proxy (no-op for plain functions). */
  release(callback: unknown): void;
  /** The worker's network policy (worker.ts also puts it in front of fetch and the Cache API). */
  policy?: HostPolicy;
  tokenBatchMs?: number;
}

interface LoadedModel {
  ref: WebLlmModelRef;
  urls: ModelArtifactUrls;
  load: NonNullable<EngineInfo['load']>;
}

const SUPERSEDED: EngineError = { name: 'Superseded', message: 'A newer request replaced this one.' };
const MODEL_NOT_FOUND: EngineError = {
  name: 'ModelNotFound',
  message: 'This model is not in the catalog of the installed WebLLM. Pick one from the list.',
};
const SHADER_F16_MISSING = new Error(
  'This model requires WebGPU extension shader-f16, which this adapter lacks.',
);
SHADER_F16_MISSING.name = 'ShaderF16SupportError';
const NOT_LOADED: EngineError = {
  name: 'ModelNotLoaded',
  message: 'No model is loaded. Load a model first.',
};

function fail<T>(error: EngineError): EngineResult<T> {
  return { ok: false, error };
}

/** The context window a record's build was compiled for (prompt and output together), when it says. */
function contextWindowOf(record: ModelRecord | undefined): number | null {
  const size = record?.overrides?.context_window_size;
  return typeof size === 'number' && Number.isInteger(size) && size > 0 ? size : null;
}

export function createWorkerApi(env: WorkerEnv): WebLlmWorkerApi {
  let engine: EngineLike | undefined;
  let loaded: LoadedModel | undefined;
  let loadRun = 0;
  let generateRun = 0;
  let abortRequested = false;
  let generating = false;

  const cacheReader = cacheReaderFor(env.caches);
  // Without a policy from worker.ts (unit tests): no own origin, the catalog hosts only.
  const policy = env.policy ?? new HostPolicy('');

  const recordFor = (ref: WebLlmModelRef) => modelRecordFor(ref, env.lib.prebuiltAppConfig);
  const appConfigFor = (ref: WebLlmModelRef) => appConfigForRef(ref, env.lib.prebuiltAppConfig);

  /** f16 builds fail late and obscurely without shader-f16: check before downloading anything. */
  async function missingShaderF16(modelId: string): Promise<boolean> {
    if (!F16_BUILD.test(modelId)) return false;
    const adapter = await env
      .gpu()
      ?.requestAdapter({ powerPreference: 'high-performance' })
      .catch(() => null);
    return adapter !== null && adapter !== undefined && !adapter.features.has('shader-f16');
  }

  function info(): EngineInfo {
    const record = loaded ? recordFor(loaded.ref) : undefined;
    return {
      kind: 'webllm',
      version: env.lib.version,
      source: loaded
        ? {
            kind: 'webllm',
            version: env.lib.version,
            model: { id: loaded.ref.modelId, url: record?.model ?? null, libUrl: loaded.urls.modelLib },
          }
        : null,
      load: loaded?.load ?? null,
      contextWindow: contextWindowOf(record),
    };
  }

  async function cachedBytes(urls: ModelArtifactUrls): Promise<number | null> {
    return cachedBytesUnder(env.caches, urls.base, urls.modelLib).catch(() => null);
  }

  return {
    async load(runId, ref, onProgress: ProgressSink, trusted = []) {
      loadRun = runId;
      const current = (): boolean => loadRun === runId;
      const emit: ProgressSink = (p) => {
        if (current()) send(onProgress, p);
      };
      const appConfig = appConfigFor(ref);
      const record = appConfig?.model_list[0];
      try {
        policy.trustOnly(trusted);
        const refused = policy.refused(ref);
        if (refused.length > 0) return fail(untrustedHostError(refused));
        if (!appConfig || !record) return fail(MODEL_NOT_FOUND);
        const urls = modelArtifactUrls(record.model, record.model_lib);
        if (ref.kind === 'custom') {
          emit(prepareProgress(`Checking ${urls.base}`));
          const checked = await probeCustomModel(ref, env.fetch);
          if (!checked.ok) return checked;
        }
        if (await missingShaderF16(ref.modelId)) {
          return fail(toEngineError(SHADER_F16_MISSING, { operation: 'load', modelId: ref.modelId }));
        }
        emit(prepareProgress('Fetching the model configuration and library'));
        const fromCache = await env.lib.hasModelInCache(ref.modelId, appConfig).catch(() => false);
        const bytesBefore = await cachedBytes(urls);
        const started = env.now();
        loaded = undefined;
        engine ??= env.lib.createEngine();
        engine.setAppConfig(appConfig);
        engine.setInitProgressCallback((report) => emit(mapInitProgress(report)));
        try {
          await engine.reload(ref.modelId);
        } catch (err) {
          if (!current()) return fail(SUPERSEDED);
          let error = toEngineError(err, { operation: 'load', modelId: ref.modelId });
          if (error.name === 'InvalidModelLibrary') {
            // Fetched fine but is not a usable module: the library URL is the one to fix.
            error = { ...error, url: urls.modelLib };
          } else if (error.name === 'NetworkError' || error.name === 'EngineFailure') {
            // WebLLM does not say which download failed: find it.
            const failure = await findFailedArtifact(urls, cacheReader, env.fetch);
            if (failure) error = artifactFailureError(failure, error);
          }
          return fail(error);
        }
        if (!current()) return fail(SUPERSEDED);
        const ms = env.now() - started;
        const bytesAfter = await cachedBytes(urls);
        const bytesDownloaded =
          bytesBefore === null || bytesAfter === null ? null : Math.max(0, bytesAfter - bytesBefore);
        loaded = { ref, urls, load: { ms, fromCache, bytesDownloaded } };
        return { ok: true, value: info() };
      } catch (err) {
        return fail(toEngineError(err, { operation: 'load', modelId: ref.modelId }));
      } finally {
        env.release(onProgress);
      }
    },

    async generate(runId, request, onTokens: TokenSink) {
      generateRun = runId;
      const current = (): boolean => generateRun === runId;
      const batcher = createTokenBatcher((text) => {
        if (current()) send(onTokens, text);
      }, env.tokenBatchMs ?? 50);
      try {
        if (!engine || !loaded) return fail(NOT_LOADED);
        // A newer request supersedes a running one: stop it rather than queue behind it.
        if (generating) await engine.interruptGenerate();
        generating = true;
        abortRequested = false;
        const startMs = env.now();
        const stream = await engine.chat.completions.create(buildWebLlmRequest(request));
        const streamed = await readChatStream(stream, (delta) => batcher.push(delta), env.now);
        batcher.close();
        if (!current()) return fail(SUPERSEDED);
        const { firstTokenMs, lastTokenMs } = streamed;
        const result: GenerationResult = {
          text: streamed.text,
          finishReason: streamed.finishReason ?? (abortRequested ? 'abort' : 'stop'),
          usage: mapUsage(streamed.usage, { startMs, firstTokenMs, lastTokenMs, endMs: env.now() }),
        };
        return { ok: true, value: result };
      } catch (err) {
        batcher.close();
        return fail(
          toEngineError(err, { operation: 'generate', ...(loaded ? { modelId: loaded.ref.modelId } : {}) }),
        );
      } finally {
        if (current()) generating = false;
        env.release(onTokens);
      }
    },

    async abort() {
      abortRequested = true;
      await engine?.interruptGenerate();
    },

    async unload() {
      loadRun += 1;
      loaded = undefined;
      await engine?.unload().catch(() => undefined);
    },

    async info() {
      return info();
    },

    async cachedModelIds(models) {
      try {
        const ids: string[] = [];
        for (const ref of models) {
          const appConfig = appConfigFor(ref);
          if (appConfig && (await env.lib.hasModelInCache(ref.modelId, appConfig))) ids.push(ref.modelId);
        }
        return { ok: true, value: ids };
      } catch (err) {
        return fail(toEngineError(err, { operation: 'cache' }));
      }
    },

    async cacheInventory(known) {
      try {
        const knownModels = known.flatMap((ref) => {
          const record = recordFor(ref);
          return record ? [{ modelId: ref.modelId, baseUrl: resolveModelBaseUrl(record.model) }] : [];
        });
        return { ok: true, value: await readCacheInventory(env.caches, knownModels) };
      } catch (err) {
        return fail(toEngineError(err, { operation: 'cache' }));
      }
    },

    async deleteCachedModel(ref) {
      try {
        const appConfig = appConfigFor(ref);
        if (appConfig) {
          await env.lib.deleteModelAllInfoInCache(ref.modelId, appConfig);
        }
        return { ok: true, value: undefined };
      } catch (err) {
        return fail(toEngineError(err, { operation: 'cache' }));
      }
    },

    async deleteAllCached() {
      try {
        for (const name of Object.values(WEBLLM_CACHES)) await env.caches.delete(name);
        return { ok: true, value: undefined };
      } catch (err) {
        return fail(toEngineError(err, { operation: 'cache' }));
      }
    },

    async deleteCachedFolder(baseUrl) {
      try {
        await deleteFolder(env.caches, baseUrl);
        return { ok: true, value: undefined };
      } catch (err) {
        return fail(toEngineError(err, { operation: 'cache' }));
      }
    },

    async checkCustomModel(ref, trusted = []) {
      if (ref.kind !== 'custom') return { ok: true, value: undefined };
      policy.trustOnly(trusted);
      const refused = policy.refused(ref);
      if (refused.length > 0) return { ok: false, error: untrustedHostError(refused) };
      return probeCustomModel(ref, env.fetch);
    },

    async checkGpu() {
      return checkWebLlmDevice(env.gpu());
    },
  };
}
