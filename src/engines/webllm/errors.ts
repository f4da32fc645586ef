// Maps whatever WebLLM (or the browser under it) throws to an EngineError that says what
// happened and what to do. Errors arrive as Error objects, DOMExceptions, or strings such as
// "ShaderF16SupportError: This model requires ..." (after crossing a worker), so matching is by
// name prefix, then by message for the errors WebLLM throws as plain `Error`.
import type { EngineError } from '../../core/engine.ts';
import { f32Alternative, smallerAlternative } from './models.ts';
import { promptSizesInMessage, promptTooLong } from '../../core/run/promptTooLong.ts';

export interface ErrorContext {
  operation: 'load' | 'generate' | 'cache' | 'probe';
  modelId?: string;
}

export interface NamedError {
  name: string;
  message: string;
}

const NAME_PREFIX = /^([A-Z][\w$]*): /;
const URL_IN_TEXT = /https?:\/\/[^\s"'<>]+/;
const STATUS_IN_TEXT = /received status (\d{3})/;

/** The error's name and message, from an Error, a DOMException, a "Name: message" string, or anything. */
export function splitError(err: unknown): NamedError {
  if (typeof err === 'string') {
    const m = NAME_PREFIX.exec(err);
    return m?.[1] ? { name: m[1], message: err.slice(m[0].length) } : { name: 'Error', message: err };
  }
  if (typeof err === 'object' && err !== null && 'message' in err) {
    const name = 'name' in err && typeof err.name === 'string' ? err.name : 'Error';
    const message = typeof err.message === 'string' ? err.message : String(err.message);
    // Plain `Error`s whose message carries a name ("Error: WebGPUNotAvailableError: ...").
    if (name === 'Error') {
      const inner = splitError(message);
      if (inner.name !== 'Error') return inner;
    }
    return { name, message };
  }
  return { name: 'Error', message: String(err) };
}

export const WEBGPU_HELP =
  'WebGPU runs in Chrome and Edge 113+ (Windows, macOS, ChromeOS), Chrome 121+ on Android, ' +
  'Safari 26+ (macOS, iOS, iPadOS) and Firefox 141+ on Windows. On Linux, Chrome needs ' +
  'chrome://flags/#enable-unsafe-webgpu (and often #enable-vulkan). The page must be served over HTTPS or from localhost.';

interface Rule {
  test(e: NamedError): boolean;
  build(e: NamedError, ctx: ErrorContext): EngineError;
}

const has = (e: NamedError, ...parts: string[]): boolean => parts.some((p) => e.message.includes(p));
const named = (e: NamedError, ...names: string[]): boolean => names.includes(e.name);

function modelSuggestion(
  id: string | undefined,
  pick: (id: string) => { id: string } | undefined,
): NonNullable<EngineError['suggestion']> {
  const alt = id === undefined ? undefined : pick(id);
  return alt ? { action: 'use-model', modelId: alt.id } : { action: 'use-model' };
}

const RULES: Rule[] = [
  {
    test: (e) => named(e, 'AbortError'),
    build: () => ({ name: 'LoadCancelled', message: 'The load was cancelled. Press Load to start again.' }),
  },
  {
    test: (e) => named(e, 'WebGPUNotAvailableError', 'WebGPUNotFoundError'),
    build: () => ({
      name: 'WebGPUUnavailable',
      message: `This browser does not offer WebGPU, which the model needs. ${WEBGPU_HELP}`,
      suggestion: { action: 'change-browser' },
    }),
  },
  {
    test: (e) => has(e, 'Unable to find a compatible GPU'),
    build: () => ({
      name: 'NoAdapter',
      message:
        'WebGPU is present but the browser found no usable GPU adapter (the GPU may be missing, blocklisted ' +
        'or disabled). Update the graphics driver, check chrome://gpu, or try another browser or device. ' +
        WEBGPU_HELP,
      suggestion: { action: 'change-browser' },
    }),
  },
  {
    test: (e) => has(e, 'Cannot initialize runtime because of requested'),
    build: (e) => ({
      name: 'LimitsTooLow',
      message:
        `This GPU's WebGPU limits are below what WebLLM needs (${e.message.trim()}). WebLLM needs ` +
        'maxBufferSize ≥ 256 MiB, maxStorageBufferBindingSize ≥ 128 MiB, maxComputeWorkgroupStorageSize ≥ 32 KiB ' +
        'and maxStorageBuffersPerShaderStage ≥ 10. Try an up-to-date browser or another device.',
      suggestion: { action: 'change-browser' },
    }),
  },
  {
    test: (e) =>
      named(e, 'ShaderF16SupportError') || (named(e, 'FeatureSupportError') && has(e, 'shader-f16')),
    build: (_e, ctx) => {
      const alt = ctx.modelId === undefined ? undefined : f32Alternative(ctx.modelId);
      return {
        name: 'ShaderF16Unsupported',
        message:
          'This build uses 16-bit float shaders (the WebGPU feature shader-f16), which this GPU or browser does not offer. ' +
          (alt
            ? `Load ${alt.id} instead: the same model with 32-bit float shaders.`
            : 'Load a q4f32_1 build instead.'),
        suggestion: alt ? { action: 'use-model', modelId: alt.id } : { action: 'use-model' },
      };
    },
  },
  {
    test: (e) => named(e, 'FeatureSupportError'),
    build: (e) => ({
      name: 'FeatureUnsupported',
      message: `${e.message} Try another browser or a different build of the model.`,
      suggestion: { action: 'change-browser' },
    }),
  },
  {
    test: (e) =>
      named(e, 'DeviceLostError') ||
      has(e, 'Device was lost', 'device was lost', 'Out of memory', 'out of memory', 'allocation failed'),
    build: (_e, ctx) => {
      const suggestion = modelSuggestion(ctx.modelId, smallerAlternative);
      return {
        name: 'DeviceLost',
        message:
          'The GPU device was lost, which usually means it ran out of memory. Close other tabs that use the GPU, ' +
          'then load a smaller model' +
          (suggestion.modelId ? ` (${suggestion.modelId})` : '') +
          '. Reloading the page also resets the GPU.',
        suggestion,
      };
    },
  },
  {
    test: (e) => named(e, 'QuotaExceededError') || has(e, 'QuotaExceeded', 'quota'),
    build: () => ({
      name: 'StorageQuotaExceeded',
      message:
        'The browser refused to store more files: the storage quota for this site is full. Delete cached models ' +
        'in the cache manager, free disk space, or pick a smaller model. Files already stored are kept.',
      suggestion: { action: 'free-storage' },
    }),
  },
  {
    test: (e) => named(e, 'IntegrityError'),
    build: (e) => {
      const url = URL_IN_TEXT.exec(e.message)?.[0];
      return {
        name: 'IntegrityFailed',
        message: `A downloaded file does not match its expected hash${url ? ` (${url})` : ''}: it may be corrupted or replaced. Delete the model from the cache and load it again.`,
        ...(url === undefined ? {} : { url }),
        suggestion: { action: 'retry' },
      };
    },
  },
  {
    test: (e) =>
      (named(e, 'TypeError') && has(e, 'Failed to fetch', "on 'Cache'", 'NetworkError', 'Load failed')) ||
      named(e, 'NetworkError') ||
      has(e, 'Cannot fetch http', 'Unable to fetch http'),
    build: (e) => {
      const url = URL_IN_TEXT.exec(e.message)?.[0]?.replace(/[.,]$/, '');
      const status = STATUS_IN_TEXT.exec(e.message)?.[1];
      return {
        name: 'NetworkError',
        message:
          `A download failed${url ? ` (${url}${status ? `, HTTP ${status}` : ''})` : ''}. Check the connection and ` +
          'retry: weight shards already downloaded stay in the cache and are not fetched again.',
        ...(url === undefined ? {} : { url }),
        ...(status === undefined ? {} : { status: Number(status) }),
        suggestion: { action: 'retry' },
      };
    },
  },
  {
    test: (e) => named(e, 'CompileError', 'LinkError'),
    build: () => ({
      name: 'InvalidModelLibrary',
      message:
        'The model library is not a WebAssembly module this WebLLM version can run. It must be compiled for ' +
        'WebLLM 0.2.86 (WebGPU target) from the same model architecture and quantisation as the weights.',
    }),
  },
  {
    test: (e) => named(e, 'SyntaxError') && has(e, 'JSON'),
    build: () => ({
      name: 'InvalidModelFiles',
      message:
        'A model file is not valid JSON (mlc-chat-config.json, tokenizer.json or tensor-cache.json); the server ' +
        'may have answered with an error page. Check the model URL.',
    }),
  },
  {
    test: (e) => named(e, 'ModelNotFoundError'),
    build: () => ({
      name: 'ModelNotFound',
      message: 'The model is not in the catalog. Pick one from the list.',
    }),
  },
  {
    test: (e) => named(e, 'ContextWindowSizeExceededError'),
    build: (e) => {
      const sizes = promptSizesInMessage(e.message);
      return {
        name: 'PromptTooLong',
        message:
          sizes === null
            ? `The prompt does not fit the model's context window. ${e.message.split('\n')[0] ?? ''}`
            : (promptTooLong(sizes.promptTokens, 0, sizes.contextWindow) ??
              `prompt too long for this build: ${sizes.promptTokens} tokens of ${sizes.contextWindow}`),
      };
    },
  },
  {
    test: (e) =>
      named(e, 'ModelNotLoadedError', 'EngineNotLoadedError', 'WorkerEngineModelNotLoadedError') ||
      has(e, 'Model not loaded'),
    build: () => ({ name: 'ModelNotLoaded', message: 'No model is loaded. Load a model first.' }),
  },
  {
    test: (e) =>
      named(
        e,
        'GrammarMatcherInitError',
        'InvalidResponseFormatError',
        'InvalidResponseFormatGrammarError',
        'InvalidResponseFormatStructuralTagError',
        'CustomResponseFormatError',
      ),
    build: (e) => ({
      name: 'ConstrainedDecodingFailed',
      message: `Constrained tool-call decoding could not start: ${e.message} Check the tool schemas, or use prompt mode.`,
    }),
  },
  {
    test: (e) =>
      named(
        e,
        'ConfigValueError',
        'MinValueError',
        'NonNegativeError',
        'InvalidNumberStringError',
        'DependencyError',
        'SeedTypeError',
        'InvalidStreamOptionsError',
        'StreamingCountError',
      ) ||
      (named(e, 'RangeError') && has(e, 'Make sure')),
    build: (e) => ({
      name: 'InvalidParameters',
      message: `A generation parameter is out of range: ${e.message}`,
    }),
  },
];

/** The EngineError for `err`, with a message that says what happened and what to do. Never throws. */
export function toEngineError(err: unknown, ctx: ErrorContext): EngineError {
  const e = splitError(err);
  const detail = `${e.name}: ${e.message}`;
  for (const rule of RULES) {
    if (rule.test(e)) return { ...rule.build(e, ctx), detail };
  }
  const what =
    ctx.operation === 'generate'
      ? 'Generation'
      : ctx.operation === 'load'
        ? 'Loading the model'
        : 'The operation';
  return {
    name: 'EngineFailure',
    message: `${what} failed: ${e.message || e.name}. Try again; if it keeps failing, reload the page.`,
    detail,
    suggestion: { action: 'retry' },
  };
}
