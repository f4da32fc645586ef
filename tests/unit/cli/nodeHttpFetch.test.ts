// The CLI's node:http transport under the endpoint engine: the same behaviour as with fetch.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeHttpFetch } from '../../../src/cli/run/nodeHttpFetch.ts';
import { createEndpointEngine } from '../../../src/engines/endpoint/createEndpointEngine.ts';
import { generationRequest } from '../helpers/generationRequest.ts';
import {
  sendJson,
  sendSse,
  startChatServer,
  type ChatServer,
  type SseOptions,
} from '../helpers/chatServer.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../engines/endpoint/fixtures/${name}`, import.meta.url), 'utf8');
const request = generationRequest([{ role: 'user', content: 'What is 6 * 7?' }]);

let server: ChatServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function engineFor(chat: (res: Parameters<typeof sendSse>[0]) => unknown, apiKey?: string) {
  server = await startChatServer(async (req, res) => {
    if (req.path === '/v1/models') return sendJson(res, 200, fixture('ollama-models.json'));
    await chat(res);
  });
  const engine = createEndpointEngine({ fetch: nodeHttpFetch, ...(apiKey ? { apiKey } : {}) });
  const loaded = await engine.load(
    { engine: 'endpoint', baseUrl: server.baseUrl, model: 'qwen2.5-coder:1.5b' },
    () => {},
  );
  expect(loaded.ok).toBe(true);
  return { engine, server };
}

const stream =
  (options: SseOptions = {}) =>
  (res: Parameters<typeof sendSse>[0]) =>
    sendSse(res, fixture('ollama-stream.sse'), { pieceSize: 3, ...options });

describe('nodeHttpFetch under the endpoint engine', () => {
  it('streams an answer read in small pieces, with the key as a header', async () => {
    const { engine, server: s } = await engineFor(stream(), 'sk-node-1');
    const result = await engine.generate(request, () => {});
    expect(result.ok && result.value.text).toBe('The answer: Answer: 42');
    expect(result.ok && result.value.usage.reported.completionTokens).toBe(6);
    expect(s.requests.at(-1)?.headers['authorization']).toBe('Bearer sk-node-1');
    expect(s.requests.at(-1)?.body).toMatchObject({ model: 'qwen2.5-coder:1.5b', stream: true });
  });

  it('a stream cut mid-way, an abort during a slow first token, a 500', async () => {
    const cut = await engineFor(stream({ cutAfter: 400 }));
    expect((await cut.engine.generate(request, () => {})).ok).toBe(false);
    await cut.server.close();

    const slow = await engineFor(stream({ firstDelayMs: 200 }));
    const stop = new AbortController();
    const pending = slow.engine.generate(request, () => {}, stop.signal);
    setTimeout(() => stop.abort(), 20);
    const stopped = await pending;
    expect(stopped.ok && stopped.value.finishReason).toBe('abort');
    await slow.server.close();

    const failing = await engineFor((res) =>
      sendJson(res, 500, { error: { message: 'out of memory', type: 'server_error' } }),
    );
    const failed = await failing.engine.generate(request, () => {});
    expect(!failed.ok && failed.error).toMatchObject({ name: 'ServerError', status: 500 });
    expect(!failed.ok && failed.error.message).toContain('out of memory');
  });

  it('connection refused keeps its code, for the start commands', async () => {
    const s = await startChatServer(() => {});
    await s.close();
    const engine = createEndpointEngine({ fetch: nodeHttpFetch });
    const loaded = await engine.load({ engine: 'endpoint', baseUrl: s.baseUrl, model: 'm' }, () => {});
    expect(!loaded.ok && loaded.error.name).toBe('ServerUnreachable');
    expect(!loaded.ok && loaded.error.detail).toContain('ECONNREFUSED');
  });

  it('a status that is not HTTP is an error, not a crash', async () => {
    const { engine } = await engineFor((res) => {
      res.socket?.end('HTTP/1.1 999 Nope\r\ncontent-length: 0\r\n\r\n');
    });
    const result = await engine.generate(request, () => {});
    expect(result.ok).toBe(false);
  });
});
