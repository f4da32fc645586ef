// An Engine over any OpenAI-compatible server (llama.cpp's llama-server, Ollama, mlx_lm.server,
// LM Studio, vLLM…): `POST {base}/chat/completions` streamed as server-sent events. Several
// generations may run at once (a server that batches answers them together); each has its own
// AbortController. The API key lives in this closure only: it is sent as a header and never put
// in a ref, a report, an error or a log.
import type {
  Engine,
  EngineError,
  EngineInfo,
  EngineResult,
  GenerationRequest,
  GenerationResult,
  ModelRef,
} from '../../core/engine.ts';
import { mapUsage } from '../openai/usage.ts';
import { readChatStream } from '../openai/readChatStream.ts';
import { normalizeBaseUrl } from './baseUrl.ts';
import { buildEndpointRequest } from './buildEndpointRequest.ts';
import {
  badBaseUrlError,
  badStreamError,
  httpError,
  modelNotFoundError,
  redact,
  serverGoneError,
  streamCutError,
  streamServerError,
} from './endpointErrors.ts';
import { fetchFailure, serverMessage, type FetchContext } from './httpFailure.ts';
import { listModels, type ModelListing } from './listModels.ts';
import { textWithToolCalls } from './nativeToolCalls.ts';
import { EndpointStreamError, readSseChunks } from './readSseChunks.ts';

export interface EndpointEngineOptions {
  /** Sent as `Authorization: Bearer …`; kept in memory only. */
  apiKey?: string;
  /** Record the server's origin in reports (it may be private: only when the user agreed). */
  recordOrigin?: boolean;
  /** The page's origin when running in a browser, for CORS diagnosis; undefined in Node. */
  pageOrigin?: string;
  fetch?: typeof fetch;
  /** Milliseconds clock for the measured figures; injectable for tests. */
  now?: () => number;
}

interface Connection {
  baseUrl: string;
  origin: string;
  model: string;
  listing: ModelListing;
}

const isAbort = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');

/** Creates the engine; `load` connects it to a server and model. */
export function createEndpointEngine(options: EndpointEngineOptions = {}): Engine & {
  /** The models the server lists (for a picker), without loading one. */
  listModels(baseUrl: string): Promise<EngineResult<ModelListing>>;
} {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => performance.now());
  const apiKey = options.apiKey === '' ? undefined : options.apiKey;
  const running = new Set<AbortController>();
  let connection: Connection | null = null;
  let server: string | null = null;

  const headers = (extra: Record<string, string> = {}): Record<string, string> => ({
    accept: 'application/json, text/event-stream',
    ...extra,
    ...(apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` }),
  });
  const context = (baseUrl: string): FetchContext => ({
    fetch: doFetch,
    baseUrl,
    apiKey,
    pageOrigin: options.pageOrigin,
  });

  const info = (): EngineInfo => ({
    kind: 'endpoint',
    version: server ?? 'unknown',
    source:
      connection === null
        ? null
        : {
            kind: 'endpoint',
            model: connection.model,
            server,
            origin: options.recordOrigin === true ? connection.origin : null,
          },
    // Nothing is loaded here: the server loaded the model before tabeval connected.
    load: null,
    contextWindow: connection?.listing.contextWindows.get(connection.model) ?? null,
  });

  async function generate(
    request: GenerationRequest,
    onToken: (delta: string) => void,
    signal?: AbortSignal,
  ): Promise<EngineResult<GenerationResult>> {
    const conn = connection;
    if (conn === null) {
      return {
        ok: false,
        error: { name: 'NotLoaded', message: 'No server is connected: load a model first.' },
      };
    }
    const url = `${conn.baseUrl}/chat/completions`;
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    if (signal?.aborted) controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    running.add(controller);
    let text = '';
    const startMs = now();
    try {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: 'POST',
          headers: headers({ 'content-type': 'application/json' }),
          body: JSON.stringify(buildEndpointRequest(request, conn.model)),
          signal: controller.signal,
        });
      } catch (error) {
        if (controller.signal.aborted) return aborted('', startMs);
        // It answered the model listing: a failure now means it went away (or, in a browser, a
        // server that lets /models through but not this request: then the error says both).
        const failed = await fetchFailure(context(conn.baseUrl), url, error);
        return {
          ok: false,
          error:
            failed.name === 'ServerUnreachable' ? serverGoneError(conn.baseUrl, failed.detail ?? '') : failed,
        };
      }
      if (!response.ok) {
        const message = await serverMessage(response, apiKey);
        return {
          ok: false,
          error: httpError(response.status, url, message, { model: conn.model, available: conn.listing.ids }),
        };
      }
      const type = response.headers.get('content-type') ?? '';
      if (response.body === null || !type.includes('text/event-stream')) {
        await response.body?.cancel().catch(() => undefined);
        return {
          ok: false,
          error: badStreamError(url, `content type "${type.slice(0, 100)}", not text/event-stream`),
        };
      }
      try {
        const streamed = await readChatStream(
          readSseChunks(response.body),
          (delta) => {
            text += delta;
            onToken(delta);
          },
          now,
          (chunk) => {
            if (server === null && chunk.system_fingerprint === 'fp_ollama') server = 'Ollama';
          },
        );
        const { firstTokenMs, lastTokenMs } = streamed;
        return {
          ok: true,
          value: {
            text: textWithToolCalls(streamed.text, streamed.toolCalls),
            finishReason: streamed.finishReason ?? 'stop',
            usage: mapUsage(
              streamed.usage,
              { startMs, firstTokenMs, lastTokenMs, endMs: now() },
              streamed.timings ?? undefined,
            ),
          },
        };
      } catch (error) {
        if (controller.signal.aborted || isAbort(error)) return aborted(text, startMs);
        return { ok: false, error: streamError(error, url, text.length) };
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      running.delete(controller);
    }
  }

  function aborted(text: string, startMs: number): EngineResult<GenerationResult> {
    return {
      ok: true,
      value: {
        text,
        finishReason: 'abort',
        usage: mapUsage(undefined, { startMs, firstTokenMs: null, lastTokenMs: null, endMs: now() }),
      },
    };
  }

  function streamError(error: unknown, url: string, received: number): EngineError {
    if (error instanceof EndpointStreamError) {
      const failure = error.failure;
      switch (failure.kind) {
        case 'cut':
          return streamCutError(url, received);
        case 'bad-chunk':
          return badStreamError(url, redact(failure.detail, apiKey));
        case 'server-error':
          return streamServerError(url, redact(failure.message, apiKey));
        case 'too-large':
          return badStreamError(url, 'the stream is larger than tabeval reads');
      }
    }
    // The connection broke while reading (a reset): the stream was cut.
    return { ...streamCutError(url, received), detail: redact(String(error), apiKey) };
  }

  return {
    stopsEachBySignal: true,

    async listModels(given) {
      const normal = normalizeBaseUrl(given);
      if (!normal.ok) return { ok: false, error: badBaseUrlError(given) };
      return listModels(context(normal.baseUrl), headers());
    },

    async load(ref: ModelRef): Promise<EngineResult<EngineInfo>> {
      if (ref.engine !== 'endpoint') {
        return {
          ok: false,
          error: { name: 'WrongEngine', message: 'The endpoint engine loads server models only.' },
        };
      }
      const normal = normalizeBaseUrl(ref.baseUrl);
      if (!normal.ok) return { ok: false, error: badBaseUrlError(ref.baseUrl) };
      const listed = await listModels(context(normal.baseUrl), headers());
      if (!listed.ok) return listed;
      const { ids } = listed.value;
      if (ids !== null && ids.length > 0 && !ids.includes(ref.model)) {
        return { ok: false, error: modelNotFoundError(ref.model, ids, `${normal.baseUrl}/models`) };
      }
      server = listed.value.server;
      connection = {
        baseUrl: normal.baseUrl,
        origin: normal.origin,
        model: ref.model,
        listing: listed.value,
      };
      return { ok: true, value: info() };
    },

    generate,

    async abort() {
      for (const controller of running) controller.abort();
    },

    async unload() {
      for (const controller of running) controller.abort();
      connection = null;
      server = null;
    },

    async info() {
      return info();
    },
  };
}
