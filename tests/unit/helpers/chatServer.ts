// A real local HTTP server speaking the OpenAI chat-completions protocol, for the endpoint
// engine's tests, the CLI's end-to-end tests and the benchmark (not a test file itself).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server received, body parsed as JSON when it was JSON. */
export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type ChatHandler = (request: ReceivedRequest, res: ServerResponse) => void | Promise<void>;

export interface ChatServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseUrl: string;
  requests: ReceivedRequest[];
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1; every request goes to `handler`. */
export async function startChatServer(handler: ChatHandler): Promise<ChatServer> {
  const requests: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text === '' ? null : (JSON.parse(text) as unknown);
      } catch {
        // Kept as text.
      }
      const received: ReceivedRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body,
      };
      requests.push(received);
      Promise.resolve(handler(received, res)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends JSON with a status (and the headers a server sends). */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

export interface SseOptions {
  /** Bytes per write (a small size splits lines and events across reads). Default: all at once. */
  pieceSize?: number;
  /** Wait before the first byte (a slow first token). */
  firstDelayMs?: number;
  /** Wait between pieces. */
  gapMs?: number;
  /** Stop after this many bytes and destroy the connection (a stream cut mid-way). */
  cutAfter?: number;
  headers?: Record<string, string>;
}

/** Streams `body` (server-sent events, byte for byte) as the response. */
export async function sendSse(res: ServerResponse, body: string, options: SseOptions = {}): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...options.headers,
  });
  res.flushHeaders();
  if (options.firstDelayMs) await sleep(options.firstDelayMs);
  const bytes = Buffer.from(body, 'utf8');
  const limit = options.cutAfter ?? bytes.length;
  const size = options.pieceSize ?? bytes.length;
  for (let at = 0; at < limit; at += size) {
    if (res.destroyed) return;
    res.write(bytes.subarray(at, Math.min(at + size, limit)));
    if (options.gapMs) await sleep(options.gapMs);
  }
  if (options.cutAfter !== undefined) {
    res.socket?.destroy();
    return;
  }
  res.end();
}

/** The server styles `streamAnswer` writes like. */
export type ServerStyle = 'llamacpp' | 'ollama' | 'vllm';

/**
 * The stream a server of `style` sends for `text` (split in pieces of about 4 characters), with
 * the usage chunk and `[DONE]`, in that server's shape (llama.cpp adds `timings`).
 */
export function streamAnswer(text: string, style: ServerStyle, model = 'qwen'): string {
  const pieces = text.match(/[\s\S]{1,4}/g) ?? [];
  const frame = (o: unknown) => `data: ${JSON.stringify(o)}\n\n`;
  const usage = { prompt_tokens: 20, completion_tokens: pieces.length, total_tokens: 20 + pieces.length };
  const head = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1764750000, model };
  if (style === 'llamacpp') {
    const timings = {
      prompt_n: 20,
      prompt_ms: 10,
      prompt_per_second: 2000,
      predicted_n: pieces.length,
      predicted_ms: pieces.length * 5,
      predicted_per_second: 200,
    };
    return (
      frame({
        ...head,
        choices: [{ finish_reason: null, index: 0, delta: { role: 'assistant', content: null } }],
      }) +
      pieces
        .map((p) => frame({ ...head, choices: [{ finish_reason: null, index: 0, delta: { content: p } }] }))
        .join('') +
      frame({ ...head, choices: [{ finish_reason: 'stop', index: 0, delta: {} }], timings }) +
      frame({ ...head, choices: [], usage, timings }) +
      'data: [DONE]\n\n'
    );
  }
  const extra = style === 'ollama' ? { system_fingerprint: 'fp_ollama' } : {};
  const u = style === 'vllm' ? { usage: null } : {};
  return (
    pieces
      .map((p) =>
        frame({
          ...head,
          ...extra,
          choices: [{ index: 0, delta: { content: p }, finish_reason: null }],
          ...u,
        }),
      )
      .join('') +
    frame({
      ...head,
      ...extra,
      choices: [{ index: 0, delta: { content: '' }, finish_reason: 'stop' }],
      ...u,
    }) +
    frame({ ...head, ...extra, choices: [], usage }) +
    'data: [DONE]\n\n'
  );
}

/** The last user message of a chat request body (what a case asks). */
export function lastUserMessage(body: unknown): string {
  const messages = (body as { messages?: { role: string; content: string }[] } | null)?.messages ?? [];
  return [...messages].reverse().find((m) => m.role === 'user')?.content ?? '';
}
