// The shared handling of a failed fetch and of a non-2xx answer.
import type { EngineError } from '../../core/engine.ts';
import { errorBodyMessage } from './responseSchemas.ts';
import { corsError, corsOrUnreachableError, redact, unreachableError } from './endpointErrors.ts';
import { isLocalServerUrl } from './localServers.ts';

/** Most characters of an error body read. */
const MAX_ERROR_BODY_CHARS = 64_000;

/** What the engine needs to describe a failed fetch. */
export interface FetchContext {
  fetch: typeof fetch;
  baseUrl: string;
  apiKey: string | undefined;
  /** The page's origin in a browser (CORS is possible there); undefined in Node. */
  pageOrigin: string | undefined;
}

/** The error code of a Node fetch failure (`ECONNREFUSED`…), from the error or its cause. */
function errorCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e !== null && typeof e === 'object' && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * The error of a fetch that rejected (not an abort). In Node there is no CORS and the cause says
 * what failed. A browser does not say: a second request in `no-cors` mode resolves (opaque) when
 * the server is there — then it is CORS — but a cross-origin isolated page (this site:
 * `Cross-Origin-Embedder-Policy: require-corp`) refuses that answer too unless the server sends
 * `Cross-Origin-Resource-Policy`, so mostly the error names both causes and both next steps.
 */
export async function fetchFailure(ctx: FetchContext, url: string, error: unknown): Promise<EngineError> {
  const code = errorCode(error);
  const detail = redact(
    `${error instanceof Error ? error.message : String(error)}${code === undefined ? '' : ` (${code})`}`,
    ctx.apiKey,
  );
  if (ctx.pageOrigin !== undefined && code === undefined) {
    const answered = await ctx
      .fetch(url, { mode: 'no-cors', method: 'GET' })
      .then(() => true)
      .catch(() => false);
    if (answered) return corsError(ctx.baseUrl, ctx.pageOrigin);
    const failed = corsOrUnreachableError(ctx.baseUrl, ctx.pageOrigin, detail);
    if (!isLocalServerUrl(url)) {
      return {
        ...failed,
        message:
          `${failed.message}\nIf the server is running: the deployed site's Content-Security-Policy lets the page ` +
          'reach servers on localhost and 127.0.0.1 only. Run the server on this machine, host tabeval with a ' +
          "wider connect-src (the README's self-hosting note), or use tabeval run from a terminal.",
      };
    }
    return failed;
  }
  return unreachableError(ctx.baseUrl, detail);
}

/** The server's message in a non-2xx answer (its JSON error, else the start of its text), redacted. */
export async function serverMessage(response: Response, apiKey: string | undefined): Promise<string | null> {
  let text: string;
  try {
    text = (await response.text()).slice(0, MAX_ERROR_BODY_CHARS);
  } catch {
    return null;
  }
  let message: string | null;
  try {
    message = errorBodyMessage(JSON.parse(text) as unknown);
  } catch {
    message = text.trim() === '' ? null : text.trim();
  }
  return message === null ? null : redact(message.slice(0, 1000), apiKey);
}
