// The part of `fetch` the endpoint engine uses (method, headers, string body, signal; a streamed
// response), on node:http with keep-alive. Node's built-in fetch (undici) costs a few times more
// CPU per request, and `tabeval run` sends one request per case (see `npm run bench -- endpoint`).
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';

const agents = { http: new HttpAgent({ keepAlive: true }), https: new HttpsAgent({ keepAlive: true }) };

function abortError(): DOMException {
  return new DOMException('This operation was aborted', 'AbortError');
}

function headersOf(message: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return headers;
}

/**
 * A `fetch` for http(s) URLs over node:http. Rejects like fetch: a Node error (with its `code`,
 * e.g. ECONNREFUSED) when the connection fails, an `AbortError` when the signal fires; after the
 * headers, an abort or a broken connection errors the body stream.
 */
export const nodeHttpFetch: typeof fetch = (input, init = {}) =>
  new Promise<Response>((resolve, reject) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const signal = init.signal ?? undefined;
    if (signal?.aborted) {
      reject(abortError());
      return;
    }
    const secure = url.protocol === 'https:';
    if (!secure && url.protocol !== 'http:') {
      reject(new TypeError(`unsupported protocol ${url.protocol}`));
      return;
    }
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => (headers[name] = value));
    const body = typeof init.body === 'string' ? init.body : undefined;
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const req = (secure ? httpsRequest : httpRequest)(url, {
      method: init.method ?? 'GET',
      headers,
      agent: secure ? agents.https : agents.http,
    });
    const onAbort = () => req.destroy(abortError());
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? abortError() : error);
    });
    req.on('response', (res) => {
      res.on('close', () => signal?.removeEventListener('abort', onAbort));
      const status = res.statusCode ?? 0;
      const empty = status === 204 || status === 205 || status === 304 || init.method === 'HEAD';
      try {
        const stream = empty ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
        if (empty) res.resume();
        resolve(
          new Response(stream, { status, statusText: res.statusMessage ?? '', headers: headersOf(res) }),
        );
      } catch (error) {
        // A status outside 200–599 or a header fetch refuses: not an HTTP answer to work with.
        res.destroy();
        reject(error instanceof Error ? error : new TypeError(String(error)));
      }
    });
    req.end(body);
  });
