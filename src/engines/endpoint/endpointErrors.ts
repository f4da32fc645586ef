// The endpoint engine's errors, each with the next step in its message. Every text that came from
// the server passes `redact` first, so an API key a server echoes back never reaches a report.
import type { EngineError } from '../../core/engine.ts';
import { allowOriginCommands, startCommands } from './servers.ts';

/** `text` with every occurrence of the API key replaced by `***`. */
export function redact(text: string, apiKey: string | undefined): string {
  return apiKey === undefined || apiKey === '' ? text : text.split(apiKey).join('***');
}

/** Nothing answered at the base URL (connection refused, unknown host, a timeout). */
export function unreachableError(baseUrl: string, detail: string): EngineError {
  return {
    name: 'ServerUnreachable',
    message:
      `Nothing answered at ${baseUrl}. Is the server running? Start one (each prints the URL it listens on):\n` +
      `${startCommands()}\nthen give its base URL, ending in /v1.`,
    url: baseUrl,
    detail,
    suggestion: { action: 'retry' },
  };
}

/** The server answered but the browser withheld the answer: no CORS headers for this page's origin. */
export function corsError(baseUrl: string, pageOrigin: string): EngineError {
  return {
    name: 'CorsBlocked',
    message:
      `The server at ${baseUrl} answered, but the browser blocked the answer: the server does not allow ` +
      `this page's origin (${pageOrigin}) — CORS. Allow it and restart the server:\n${allowOriginCommands(pageOrigin)}\n` +
      'Or run the eval from a terminal instead, where CORS does not apply: tabeval run --engine endpoint …',
    url: baseUrl,
    suggestion: { action: 'retry' },
  };
}

/**
 * In a browser, a failed fetch does not say why: nothing answered, or the server answered without
 * allowing this page's origin (CORS). Both next steps, the likelier first.
 */
export function corsOrUnreachableError(baseUrl: string, pageOrigin: string, detail: string): EngineError {
  return {
    name: 'CorsOrUnreachable',
    message:
      `The browser could not read an answer from ${baseUrl}. Either the server does not allow this page's ` +
      `origin (${pageOrigin}) — CORS — or it is not running.\n` +
      `If it runs, allow the origin and restart it:\n${allowOriginCommands(pageOrigin)}\n` +
      `If it does not, start one:\n${startCommands()}\n` +
      'Or run the eval from a terminal, where CORS does not apply: tabeval run --engine endpoint …',
    url: baseUrl,
    detail,
    suggestion: { action: 'retry' },
  };
}

/** A non-2xx answer, with the server's own message and, for a missing model, what it has. */
export function httpError(
  status: number,
  url: string,
  serverMessage: string | null,
  context: { model?: string; available?: readonly string[] | null } = {},
): EngineError {
  const said = serverMessage === null ? '' : ` The server said: ${serverMessage}`;
  const base = { url, status, ...(serverMessage === null ? {} : { detail: serverMessage }) };
  if (status === 401 || status === 403) {
    return {
      name: 'Unauthorized',
      message:
        `The server refused the request (${status}): it wants an API key, or a different one.${said} ` +
        'Give the key the server was started with (tabeval run: the TABEVAL_API_KEY environment variable or --api-key-env NAME; in the app, the key field).',
      ...base,
    };
  }
  if (status === 404) {
    const available = context.available ?? null;
    if (
      context.model !== undefined &&
      available !== null &&
      available.length > 0 &&
      !available.includes(context.model)
    ) {
      return modelNotFoundError(context.model, available, url);
    }
    return {
      name: 'NotFound',
      message:
        `${url} was not found (404).${said} Check the base URL: OpenAI-compatible servers serve the API under ` +
        '/v1 (http://127.0.0.1:8080/v1, not http://127.0.0.1:8080), and the model name.',
      ...base,
    };
  }
  if (status >= 500) {
    return {
      name: 'ServerError',
      message: `The server failed (${status}).${said} Look at the server's log (out of memory? a model that did not load?) and retry.`,
      ...base,
      suggestion: { action: 'retry' },
    };
  }
  return {
    name: 'HttpError',
    message: `The server answered ${status}.${said}`,
    ...base,
  };
}

/** The model is not among those the server lists. */
export function modelNotFoundError(model: string, available: readonly string[], url: string): EngineError {
  const shown = available
    .slice(0, 20)
    .map((id) => `  ${id}`)
    .join('\n');
  const more = available.length > 20 ? `\n  … and ${available.length - 20} more` : '';
  return {
    name: 'ModelNotFound',
    message: `The server has no model "${model}". It has:\n${shown}${more}\nGive one of these as the model name.`,
    url,
    status: 404,
  };
}

/** A server that answered when connected stopped answering during the run. */
export function serverGoneError(baseUrl: string, detail: string): EngineError {
  return {
    name: 'ServerGone',
    message: `The server at ${baseUrl} stopped answering: it may have crashed or been stopped. Look at its log, restart it and retry (tabeval run: --resume).`,
    url: baseUrl,
    detail,
    suggestion: { action: 'retry' },
  };
}

/** The stream ended before the server said it was done. */
export function streamCutError(url: string, received: number): EngineError {
  return {
    name: 'StreamCut',
    message:
      `The server closed the stream before the answer was complete (after ${received} characters): it may have ` +
      'crashed, been restarted or run out of memory. Look at its log and retry.',
    url,
    suggestion: { action: 'retry' },
  };
}

/** The server sent something that is not the chat-completions streaming protocol. */
export function badStreamError(url: string, detail: string): EngineError {
  return {
    name: 'BadStream',
    message: `The server's answer is not an OpenAI chat-completions stream (${detail}). Is the base URL an OpenAI-compatible API?`,
    url,
    detail,
  };
}

/** The server reported a failure inside the stream. */
export function streamServerError(url: string, message: string): EngineError {
  return {
    name: 'ServerError',
    message: `The server failed while generating. The server said: ${message} Look at its log and retry.`,
    url,
    detail: message,
    suggestion: { action: 'retry' },
  };
}

/** A base URL that is not an http(s) URL. */
export function badBaseUrlError(given: string): EngineError {
  return {
    name: 'BadBaseUrl',
    message: `"${given}" is not an http:// or https:// URL. Give the server's API base, e.g. http://127.0.0.1:8080/v1.`,
  };
}
