// The endpoint engine against a real local HTTP server speaking the protocol byte for byte as
// llama.cpp's llama-server, Ollama and vLLM send it (fixtures/), split across reads.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createEndpointEngine } from '../../../../src/engines/endpoint/createEndpointEngine.ts';
import { parseToolCalls } from '../../../../src/core/parser/index.ts';
import { generationRequest } from '../../helpers/generationRequest.ts';
import {
  sendJson,
  sendSse,
  startChatServer,
  type ChatHandler,
  type ChatServer,
  type SseOptions,
} from '../../helpers/chatServer.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

let server: ChatServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A server listing `models` and answering chat requests with `chat`. */
async function serve(models: string, chat: ChatHandler): Promise<ChatServer> {
  server = await startChatServer(async (req, res) => {
    if (req.method === 'GET' && req.path === '/v1/models') return sendJson(res, 200, models);
    if (req.method === 'POST' && req.path === '/v1/chat/completions') return chat(req, res);
    sendJson(res, 404, { error: { code: 404, message: 'File Not Found', type: 'not_found_error' } });
  });
  return server;
}

const streaming =
  (name: string, options: SseOptions = {}): ChatHandler =>
  (_req, res) =>
    sendSse(res, fixture(name), { pieceSize: 17, ...options });

const request = generationRequest([
  { role: 'system', content: 'You are a coding agent.' },
  { role: 'user', content: 'What is 6 * 7?' },
]);

async function connected(
  s: ChatServer,
  model: string,
  options: Parameters<typeof createEndpointEngine>[0] = {},
) {
  const engine = createEndpointEngine(options);
  const loaded = await engine.load({ engine: 'endpoint', baseUrl: `${s.baseUrl}/`, model }, () => {});
  expect(loaded.ok).toBe(true);
  return engine;
}

describe('endpoint engine: streams as servers send them', () => {
  it('llama.cpp: text, finish reason, token counts and the server-measured timings', async () => {
    const s = await serve(fixture('llamacpp-models.json'), streaming('llamacpp-stream.sse'));
    const engine = await connected(s, 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf');
    const deltas: string[] = [];
    const result = await engine.generate(request, (d) => deltas.push(d));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.text).toBe('The answer is: Answer: 42');
    expect(deltas.join('')).toBe(result.value.text);
    expect(result.value.finishReason).toBe('stop');
    expect(result.value.usage.reported).toEqual({
      promptTokens: 42,
      completionTokens: 7,
      ttftMs: 61.25,
      prefillTps: 685.7,
      decodeTps: 100,
      e2eMs: 131.25,
    });
    // Measured around the call by tabeval's clock: present, and kept apart from the server's.
    expect(result.value.usage.measured.e2eMs).not.toBeNull();
    expect(result.value.usage.measured.completionTokens).toBe(7);
    const info = await engine.info();
    expect(info.kind).toBe('endpoint');
    expect(info.source).toEqual({
      kind: 'endpoint',
      model: 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf',
      server: 'llama.cpp',
      origin: null,
    });
  });

  it('sends the model, every sampling parameter and asks for the usage chunk', async () => {
    const s = await serve(fixture('llamacpp-models.json'), streaming('llamacpp-stream.sse'));
    const engine = await connected(s, 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf');
    await engine.generate(
      generationRequest(request.messages, { temperature: 0.7, seed: 9, stop: ['\n\n'] }),
      () => {},
    );
    const chat = s.requests.find((r) => r.method === 'POST');
    expect(chat?.body).toEqual({
      model: 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf',
      messages: request.messages,
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.7,
      top_p: 1,
      max_tokens: 1024,
      seed: 9,
      stop: ['\n\n'],
    });
    expect(chat?.headers['authorization']).toBeUndefined();
  });

  it('Ollama: token counts from the usage chunk, no server timings, the server told by its fingerprint', async () => {
    const s = await serve(fixture('ollama-models.json'), streaming('ollama-stream.sse', { pieceSize: 5 }));
    const engine = await connected(s, 'qwen2.5-coder:1.5b');
    const result = await engine.generate(request, () => {});
    expect(result.ok && result.value.text).toBe('The answer: Answer: 42');
    if (!result.ok) return;
    expect(result.value.usage.reported).toEqual({
      promptTokens: 38,
      completionTokens: 6,
      ttftMs: null,
      prefillTps: null,
      decodeTps: null,
      e2eMs: null,
    });
    expect((await engine.info()).source).toMatchObject({ server: 'Ollama' });
  });

  it('vLLM: `usage: null` on every chunk until the last, the context window from the listing', async () => {
    const s = await serve(fixture('vllm-models.json'), streaming('vllm-stream.sse', { pieceSize: 1 }));
    const engine = await connected(s, 'Qwen/Qwen2.5-Coder-1.5B-Instruct');
    const result = await engine.generate(request, () => {});
    expect(result.ok && result.value.text).toBe('The answer: Answer: 42');
    expect(result.ok && result.value.usage.reported.completionTokens).toBe(7);
    const info = await engine.info();
    expect(info.contextWindow).toBe(32768);
    expect(info.source).toMatchObject({ server: 'vLLM' });
  });

  it('records the origin only when asked to, and never the key', async () => {
    const s = await serve(fixture('ollama-models.json'), streaming('ollama-stream.sse'));
    const engine = await connected(s, 'qwen2.5-coder:1.5b', { recordOrigin: true, apiKey: 'sk-secret-1' });
    await engine.generate(request, () => {});
    const info = await engine.info();
    expect(info.source).toMatchObject({ origin: new URL(s.baseUrl).origin });
    expect(JSON.stringify(info)).not.toContain('sk-secret-1');
    expect(s.requests.every((r) => r.headers['authorization'] === 'Bearer sk-secret-1')).toBe(true);
  });
});

describe('endpoint engine: native tools', () => {
  const tools = [
    {
      name: 'read_file',
      description: 'Read a file',
      parameters: { type: 'object' as const, properties: { path: { type: 'string' } }, required: ['path'] },
    },
  ];
  const native = generationRequest(request.messages, { tool_call_mode: 'native' }, { tools });

  it('vLLM: sends `tools`, joins streamed argument fragments, writes the call for the shared parser', async () => {
    const s = await serve(fixture('vllm-models.json'), streaming('vllm-tools.sse', { pieceSize: 9 }));
    const engine = await connected(s, 'Qwen/Qwen2.5-Coder-1.5B-Instruct');
    const result = await engine.generate(native, () => {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.finishReason).toBe('tool_calls');
    const parsed = parseToolCalls(result.value.text);
    expect(parsed.calls.map((c) => [c.name, c.arguments, c.format])).toEqual([
      ['read_file', { path: '/etc/hosts' }, 'tagged-json'],
    ]);
    const body = s.requests.find((r) => r.method === 'POST')?.body as { tools?: unknown };
    expect(body.tools).toEqual([{ type: 'function', function: tools[0] }]);
  });

  it('Ollama: a whole call in one delta', async () => {
    const s = await serve(fixture('ollama-models.json'), streaming('ollama-tools.sse'));
    const engine = await connected(s, 'qwen2.5-coder:1.5b');
    const result = await engine.generate(native, () => {});
    expect(result.ok && parseToolCalls(result.value.text).calls.map((c) => c.arguments)).toEqual([
      { path: '/etc/hosts' },
    ]);
  });

  it('prompt mode sends no `tools`', async () => {
    const s = await serve(fixture('ollama-models.json'), streaming('ollama-stream.sse'));
    const engine = await connected(s, 'qwen2.5-coder:1.5b');
    await engine.generate({ ...native, params: { ...native.params, tool_call_mode: 'prompt' } }, () => {});
    expect(s.requests.find((r) => r.method === 'POST')?.body).not.toHaveProperty('tools');
  });
});

describe('endpoint engine: failures, each with a next step', () => {
  it('a stream cut mid-way', async () => {
    const s = await serve(
      fixture('llamacpp-models.json'),
      streaming('llamacpp-stream.sse', { cutAfter: 700 }),
    );
    const engine = await connected(s, 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf');
    const result = await engine.generate(request, () => {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.name).toBe('StreamCut');
    expect(result.error.message).toMatch(/closed the stream before the answer was complete.*log/s);
  });

  it('a stream that ends cleanly but without [DONE]', async () => {
    const body = fixture('vllm-stream.sse').replace('data: [DONE]\n\n', '');
    const s = await serve(fixture('vllm-models.json'), (_req, res) => sendSse(res, body));
    const engine = await connected(s, 'Qwen/Qwen2.5-Coder-1.5B-Instruct');
    const result = await engine.generate(request, () => {});
    expect(!result.ok && result.error.name).toBe('StreamCut');
  });

  it('a slow first token still streams; stopping it meanwhile ends the generation as aborted', async () => {
    const s = await serve(
      fixture('ollama-models.json'),
      streaming('ollama-stream.sse', { firstDelayMs: 150 }),
    );
    const engine = await connected(s, 'qwen2.5-coder:1.5b');
    const slow = await engine.generate(request, () => {});
    expect(slow.ok && slow.value.text).toBe('The answer: Answer: 42');
    const stop = new AbortController();
    const pending = engine.generate(request, () => {}, stop.signal);
    setTimeout(() => stop.abort(), 20);
    const stopped = await pending;
    expect(stopped.ok && stopped.value.finishReason).toBe('abort');
    expect(stopped.ok && stopped.value.text).toBe('');
  });

  it("one generation's signal stops it alone; abort() stops all", async () => {
    const s = await serve(
      fixture('ollama-models.json'),
      streaming('ollama-stream.sse', { firstDelayMs: 100 }),
    );
    const engine = await connected(s, 'qwen2.5-coder:1.5b');
    const stop = new AbortController();
    const first = engine.generate(request, () => {}, stop.signal);
    const second = engine.generate(request, () => {});
    stop.abort();
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok && a.value.finishReason).toBe('abort');
    expect(b.ok && b.value.finishReason).toBe('stop');
    const third = engine.generate(request, () => {});
    const fourth = engine.generate(request, () => {});
    setTimeout(() => void engine.abort(), 20);
    const results = await Promise.all([third, fourth]);
    expect(results.map((r) => r.ok && r.value.finishReason)).toEqual(['abort', 'abort']);
  });

  it('401: asks for the key, and never repeats it', async () => {
    const s = await serve(fixture('llamacpp-models.json'), (req, res) =>
      sendJson(res, 401, {
        error: {
          code: 401,
          message: `Invalid API Key ${String(req.headers['authorization'])}`,
          type: 'authentication_error',
        },
      }),
    );
    const engine = await connected(s, 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf', { apiKey: 'sk-wrong-9' });
    const result = await engine.generate(request, () => {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ name: 'Unauthorized', status: 401 });
    expect(result.error.message).toMatch(/API key/);
    expect(JSON.stringify(result.error)).not.toContain('sk-wrong-9');
    expect(result.error.detail).toContain('Bearer ***');
  });

  it('401 on the model listing fails the load the same way', async () => {
    server = await startChatServer((_req, res) => sendJson(res, 403, { error: 'Forbidden' }));
    const engine = createEndpointEngine();
    const loaded = await engine.load({ engine: 'endpoint', baseUrl: server.baseUrl, model: 'x' }, () => {});
    expect(!loaded.ok && loaded.error.name).toBe('Unauthorized');
  });

  it('a model the server does not have: the load lists what it has', async () => {
    const s = await serve(fixture('ollama-models.json'), streaming('ollama-stream.sse'));
    const engine = createEndpointEngine();
    const loaded = await engine.load(
      { engine: 'endpoint', baseUrl: s.baseUrl, model: 'qwen2.5-coder:3b' },
      () => {},
    );
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.name).toBe('ModelNotFound');
    expect(loaded.error.message).toContain('"qwen2.5-coder:3b"');
    expect(loaded.error.message).toContain('qwen2.5-coder:1.5b');
    expect(loaded.error.message).toContain('qwen2.5-coder:7b');
  });

  it('404 from the chat request (a server without a listing): says to check the base URL', async () => {
    server = await startChatServer((req, res) =>
      req.path === '/v1/models'
        ? sendJson(res, 404, 'Not Found')
        : sendJson(res, 404, {
            error: {
              message: 'model "nope" not found, try pulling it first',
              type: 'api_error',
              param: null,
              code: null,
            },
          }),
    );
    const engine = await connected(server, 'nope');
    const result = await engine.generate(request, () => {});
    expect(!result.ok && result.error.name).toBe('NotFound');
    expect(!result.ok && result.error.message).toContain('try pulling it first');
    expect(!result.ok && result.error.message).toContain('/v1');
  });

  it('500: the server message and a look at its log', async () => {
    const s = await serve(fixture('llamacpp-models.json'), (_req, res) =>
      sendJson(res, 500, {
        error: { code: 500, message: 'failed to allocate KV cache', type: 'server_error' },
      }),
    );
    const engine = await connected(s, 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf');
    const result = await engine.generate(request, () => {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ name: 'ServerError', status: 500, suggestion: { action: 'retry' } });
    expect(result.error.message).toContain('failed to allocate KV cache');
  });

  it("errors inside the stream: vLLM's error chunk and llama.cpp's error line", async () => {
    for (const [models, file] of [
      ['vllm-models.json', 'vllm-error.sse'],
      ['llamacpp-models.json', 'llamacpp-error.sse'],
    ] as const) {
      const s = await serve(fixture(models), streaming(file, { pieceSize: 11 }));
      const model = file.startsWith('vllm')
        ? 'Qwen/Qwen2.5-Coder-1.5B-Instruct'
        : 'qwen2.5-coder-1.5b-instruct-q4_k_m.gguf';
      const engine = await connected(s, model);
      const result = await engine.generate(request, () => {});
      expect(!result.ok && result.error.name).toBe('ServerError');
      expect(!result.ok && result.error.message).toMatch(/maximum model length|context shift is disabled/);
      await s.close();
      server = null;
    }
  });

  it('connection refused: the start command of every common server', async () => {
    const s = await startChatServer(() => {});
    const baseUrl = s.baseUrl;
    await s.close();
    const engine = createEndpointEngine();
    const loaded = await engine.load({ engine: 'endpoint', baseUrl, model: 'm' }, () => {});
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.error.name).toBe('ServerUnreachable');
    for (const command of [
      'llama-server',
      'ollama serve',
      'mlx_lm.server',
      'lms server start',
      'vllm serve',
    ]) {
      expect(loaded.error.message).toContain(command);
    }
    expect(loaded.error.detail).toContain('ECONNREFUSED');
  });

  it('hostile or broken answers are errors, never crashes', async () => {
    const bodies = [
      'data: {"choices":[{"delta":{"content":42}}]}\n\ndata: [DONE]\n\n',
      'data: not json\n\n',
      'data: {"choices":"nope"}\n\n',
      `data: ${'x'.repeat(1_100_000)}`,
    ];
    for (const body of bodies) {
      const s = await serve(fixture('ollama-models.json'), (_req, res) =>
        sendSse(res, body, { pieceSize: 65536 }),
      );
      const engine = await connected(s, 'qwen2.5-coder:1.5b');
      const result = await engine.generate(request, () => {});
      expect(!result.ok && result.error.name).toBe('BadStream');
      await s.close();
      server = null;
    }
  });

  it('an answer that is not a stream (JSON instead of events)', async () => {
    const s = await serve(fixture('ollama-models.json'), (_req, res) => sendJson(res, 200, { choices: [] }));
    const engine = await connected(s, 'qwen2.5-coder:1.5b');
    const result = await engine.generate(request, () => {});
    expect(!result.ok && result.error.name).toBe('BadStream');
  });

  it('a base URL that is not http(s)', async () => {
    const engine = createEndpointEngine();
    for (const baseUrl of ['file:///etc', 'not a url', 'http://user:pw@127.0.0.1:1/v1']) {
      const loaded = await engine.load({ engine: 'endpoint', baseUrl, model: 'm' }, () => {});
      expect(!loaded.ok && loaded.error.name).toBe('BadBaseUrl');
    }
  });

  it('lists models without loading', async () => {
    const s = await serve(fixture('ollama-models.json'), streaming('ollama-stream.sse'));
    const listed = await createEndpointEngine().listModels(s.baseUrl);
    expect(listed.ok && listed.value.ids).toEqual(['qwen2.5-coder:1.5b', 'qwen2.5-coder:7b']);
  });
});

describe('endpoint engine in a browser: a fetch that fails says nothing about why', () => {
  const failing = (probe: 'answers' | 'fails'): typeof fetch =>
    (async (_url: string | URL | Request, init?: RequestInit) => {
      if (init?.mode === 'no-cors' && probe === 'answers') return new Response(null, { status: 200 });
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
  const ref = { engine: 'endpoint' as const, baseUrl: 'http://127.0.0.1:11434/v1', model: 'm' };

  it('a no-cors probe that gets an answer: CORS, with how to allow the origin on each server', async () => {
    const engine = createEndpointEngine({ fetch: failing('answers'), pageOrigin: 'https://tabeval.example' });
    const loaded = await engine.load(ref, () => {});
    expect(!loaded.ok && loaded.error.name).toBe('CorsBlocked');
    expect(!loaded.ok && loaded.error.message).toContain(
      'OLLAMA_ORIGINS=https://tabeval.example ollama serve',
    );
    expect(!loaded.ok && loaded.error.message).toContain('lms server start --cors');
  });

  it('no answer to either (a cross-origin isolated page refuses opaque answers): both causes, both next steps', async () => {
    const engine = createEndpointEngine({ fetch: failing('fails'), pageOrigin: 'https://tabeval.example' });
    const loaded = await engine.load(ref, () => {});
    expect(!loaded.ok && loaded.error.name).toBe('CorsOrUnreachable');
    expect(!loaded.ok && loaded.error.message).toContain('OLLAMA_ORIGINS=https://tabeval.example');
    expect(!loaded.ok && loaded.error.message).toContain('llama-server -hf');
    expect(!loaded.ok && loaded.error.message).not.toContain('Content-Security-Policy');
    const remote = await engine.load({ ...ref, baseUrl: 'https://gpu.example/v1' }, () => {});
    expect(!remote.ok && remote.error.message).toContain('Content-Security-Policy');
  });
});
