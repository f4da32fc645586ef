import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitError, toEngineError } from '../../../../src/engines/webllm/errors.ts';

// Messages as WebLLM 0.2.86 throws them (lib/index.js); `fragment` is checked against the library below.
const WEBLLM = {
  webgpu: {
    name: 'WebGPUNotAvailableError',
    message:
      "WebGPU is not supported in your current environment, but it is necessary to run the WebLLM engine. Please make sure that your browser supports WebGPU and that it is enabled in your browser settings. You can also consult your browser's compatibility chart to see if it supports WebGPU. For more information about WebGPU support in your browser, visit https://webgpureport.org/",
    fragment: 'WebGPU is not supported in your current environment',
  },
  noAdapter: {
    name: 'Error',
    message:
      "Unable to find a compatible GPU. This issue might be because your computer doesn't have a GPU, or your system settings are not configured properly. ",
    fragment: 'Unable to find a compatible GPU',
  },
  limits: {
    name: 'Error',
    message:
      'Cannot initialize runtime because of requested maxStorageBuffersPerShaderStage exceeds limit. requested=10, limit=8. ',
    fragment: 'Cannot initialize runtime because of requested maxStorageBuffersPerShaderStage',
  },
  f16: {
    name: 'ShaderF16SupportError',
    message:
      'This model requires WebGPU extension shader-f16, which is not enabled in this browser. You can try to launch Chrome Canary in command line with flag "--enable-dawn-features=allow_unsafe_apis".',
    fragment: 'This model requires WebGPU extension shader-f16',
  },
  deviceLost: {
    name: 'DeviceLostError',
    message:
      'The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM). To resolve this, try reloading with a model that has fewer parameters or uses a smaller context length.',
    fragment: 'The WebGPU device was lost while loading the model.',
  },
  modelNotFound: {
    name: 'ModelNotFoundError',
    message:
      'Cannot find model record in appConfig for X. Please check if the model ID is correct and included in the model_list configuration.',
    fragment: 'Cannot find model record in appConfig for',
  },
  context: {
    name: 'ContextWindowSizeExceededError',
    message:
      'Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096\nConsider shortening the prompt, or increase `context_window_size`, or using sliding window via `sliding_window_size`.',
    fragment: 'Prompt tokens exceed context window size',
  },
  notLoaded: {
    name: 'ModelNotLoadedError',
    message:
      'Model not loaded before trying to complete ChatCompletionRequest. Please ensure you have called ',
    fragment: 'Model not loaded before trying to complete',
  },
  seed: {
    name: 'SeedTypeError',
    message: '`seed` should be an integer, but got 1.5',
    fragment: 'should be an integer, but got',
  },
  range: {
    name: 'RangeError',
    message: 'Make sure 0 < top_p <= 1.',
    fragment: '`Make sure ${minValue} < ${paramName}',
  },
  grammar: {
    name: 'GrammarMatcherInitError',
    message: 'Failed to initialize the grammar matcher for response format `structural_tag`: bad schema',
    fragment: 'Failed to initialize the grammar matcher for response format',
  },
  integrity: {
    name: 'IntegrityError',
    message:
      'Integrity verification failed for https://huggingface.co/a/b/resolve/main/mlc-chat-config.json\n  Expected: sha256-x\n  Actual: sha256-y\nThis may indicate file corruption or tampering.',
    fragment: 'Integrity verification failed for',
  },
  opfs: {
    name: 'Error',
    message:
      'ArtifactOPFSCache: Unable to fetch https://huggingface.co/a/b/resolve/main/params_shard_3.bin, received status 503',
    fragment: 'ArtifactOPFSCache: Unable to fetch',
  },
} as const;

const asError = (e: { name: string; message: string }): Error =>
  Object.assign(new Error(e.message), { name: e.name });
const asString = (e: { name: string; message: string }): string => `${e.name}: ${e.message}`;

describe('splitError', () => {
  it('reads Errors, "Name: message" strings, DOMExceptions and anything else', () => {
    expect(splitError(asError(WEBLLM.f16))).toEqual({
      name: 'ShaderF16SupportError',
      message: WEBLLM.f16.message,
    });
    expect(splitError(asString(WEBLLM.f16))).toEqual({
      name: 'ShaderF16SupportError',
      message: WEBLLM.f16.message,
    });
    expect(splitError(new DOMException('Quota exceeded.', 'QuotaExceededError'))).toEqual({
      name: 'QuotaExceededError',
      message: 'Quota exceeded.',
    });
    expect(splitError('plain text')).toEqual({ name: 'Error', message: 'plain text' });
    expect(splitError(42)).toEqual({ name: 'Error', message: '42' });
    expect(splitError(new Error('DeviceLostError: lost'))).toEqual({
      name: 'DeviceLostError',
      message: 'lost',
    });
  });
});

describe('toEngineError', () => {
  const load = { operation: 'load', modelId: 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC' } as const;

  it.each([
    ['Error object', asError],
    ['string from a worker', asString],
  ])('maps WebLLM errors arriving as %s', (_label, wrap) => {
    expect(toEngineError(wrap(WEBLLM.webgpu), load).name).toBe('WebGPUUnavailable');
    expect(toEngineError(wrap(WEBLLM.f16), load).name).toBe('ShaderF16Unsupported');
    expect(toEngineError(wrap(WEBLLM.deviceLost), load).name).toBe('DeviceLost');
    expect(toEngineError(wrap(WEBLLM.modelNotFound), load).name).toBe('ModelNotFound');
    expect(toEngineError(wrap(WEBLLM.context), load).name).toBe('PromptTooLong');
    expect(toEngineError(wrap(WEBLLM.notLoaded), load).name).toBe('ModelNotLoaded');
    expect(toEngineError(wrap(WEBLLM.seed), load).name).toBe('InvalidParameters');
    expect(toEngineError(wrap(WEBLLM.range), load).name).toBe('InvalidParameters');
    expect(toEngineError(wrap(WEBLLM.grammar), load).name).toBe('ConstrainedDecodingFailed');
  });

  it('tells browsers and flags when WebGPU is missing', () => {
    const e = toEngineError(asString(WEBLLM.webgpu), load);
    expect(e.message).toMatch(/Chrome/);
    expect(e.message).toMatch(/enable-unsafe-webgpu/);
    expect(e.suggestion).toEqual({ action: 'change-browser' });
    expect(e.detail).toContain('WebGPUNotAvailableError');
  });

  it('recognises the no-adapter and limits errors WebLLM throws as plain Error', () => {
    expect(toEngineError(asError(WEBLLM.noAdapter), load).name).toBe('NoAdapter');
    const limits = toEngineError(asError(WEBLLM.limits), load);
    expect(limits.name).toBe('LimitsTooLow');
    expect(limits.message).toContain('maxStorageBuffersPerShaderStage');
  });

  it('offers the q4f32 build of the same model when shader-f16 is missing', () => {
    const e = toEngineError(asString(WEBLLM.f16), load);
    expect(e.suggestion).toEqual({ action: 'use-model', modelId: 'Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC' });
    expect(e.message).toContain('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
  });

  it('offers a smaller model when the device is lost', () => {
    const e = toEngineError(asError(WEBLLM.deviceLost), load);
    expect(e.suggestion).toEqual({ action: 'use-model', modelId: 'Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC' });
    const smallest = toEngineError(asError(WEBLLM.deviceLost), {
      operation: 'load',
      modelId: 'Qwen2.5-Coder-0.5B-Instruct-q4f32_1-MLC',
    });
    expect(smallest.suggestion).toEqual({ action: 'use-model' });
  });

  it('maps a full storage quota to free-storage', () => {
    const e = toEngineError(new DOMException('Quota exceeded.', 'QuotaExceededError'), load);
    expect(e.name).toBe('StorageQuotaExceeded');
    expect(e.suggestion).toEqual({ action: 'free-storage' });
  });

  it('maps network failures, with the URL and status when the text has them', () => {
    const cache = toEngineError(new TypeError("Failed to execute 'add' on 'Cache': Request failed"), load);
    expect(cache.name).toBe('NetworkError');
    expect(cache.url).toBeUndefined();
    expect(cache.suggestion).toEqual({ action: 'retry' });
    expect(cache.message).toMatch(/retry/i);
    const opfs = toEngineError(asError(WEBLLM.opfs), load);
    expect(opfs).toMatchObject({
      name: 'NetworkError',
      url: 'https://huggingface.co/a/b/resolve/main/params_shard_3.bin',
      status: 503,
    });
    expect(toEngineError('TypeError: Failed to fetch', load).name).toBe('NetworkError');
  });

  it('names the file that failed an integrity check', () => {
    const e = toEngineError(asError(WEBLLM.integrity), load);
    expect(e).toMatchObject({
      name: 'IntegrityFailed',
      url: 'https://huggingface.co/a/b/resolve/main/mlc-chat-config.json',
    });
  });

  it('maps an invalid wasm, bad JSON and cancellation', () => {
    expect(
      toEngineError(
        asError({
          name: 'CompileError',
          message: 'WebAssembly.instantiate(): expected magic word 00 61 73 6d',
        }),
        load,
      ).name,
    ).toBe('InvalidModelLibrary');
    expect(toEngineError(new SyntaxError('Unexpected token < in JSON at position 0'), load).name).toBe(
      'InvalidModelFiles',
    );
    expect(toEngineError(new DOMException('aborted', 'AbortError'), load).name).toBe('LoadCancelled');
  });

  it('falls back to a generic, retryable error that keeps the original text', () => {
    const e = toEngineError(new Error('something odd'), { operation: 'generate' });
    expect(e.name).toBe('EngineFailure');
    expect(e.message).toContain('Generation failed: something odd');
    expect(e.detail).toBe('Error: something odd');
  });

  it('uses messages that exist in the installed WebLLM', () => {
    const lib = readFileSync(
      new URL('../../../../node_modules/@mlc-ai/web-llm/lib/index.js', import.meta.url),
      'utf8',
    );
    for (const [key, e] of Object.entries(WEBLLM)) {
      expect(lib, key).toContain(e.fragment);
      if (e.name !== 'Error' && e.name !== 'RangeError')
        expect(lib, key).toContain(`this.name = "${e.name}"`);
    }
  });
});
