import * as v from 'valibot';
import type { EngineResult } from '../../core/engine.ts';
import { badStreamError, httpError, redact } from './endpointErrors.ts';
import { fetchFailure, serverMessage, type FetchContext } from './httpFailure.ts';
import { ModelListSchema } from './responseSchemas.ts';

/** What `GET {base}/models` says. */
export interface ModelListing {
  /** The model names, in the server's order; null when the server has no listing (404). */
  ids: string[] | null;
  /** The server software when it can be told (`llama.cpp`, `vLLM`, `Ollama`), else null. */
  server: string | null;
  /** Tokens of context, when the server says (vLLM's `max_model_len`). */
  contextWindows: Map<string, number>;
}

/** The server software, from the `Server` header or the listing's `owned_by`. */
function serverName(response: Response, owners: readonly (string | null | undefined)[]): string | null {
  const header = response.headers.get('server')?.toLowerCase() ?? '';
  if (header.includes('llama.cpp') || owners.includes('llamacpp')) return 'llama.cpp';
  if (owners.includes('vllm')) return 'vLLM';
  if (owners.includes('library') || header.includes('ollama')) return 'Ollama';
  return null;
}

/**
 * Lists the server's models. A server without a listing (404) gives `ids: null` rather than an
 * error: the chat request will say whether the model exists. Never rejects.
 */
export async function listModels(
  ctx: FetchContext,
  headers: Record<string, string>,
): Promise<EngineResult<ModelListing>> {
  const url = `${ctx.baseUrl}/models`;
  let response: Response;
  try {
    response = await ctx.fetch(url, { headers });
  } catch (error) {
    return { ok: false, error: await fetchFailure(ctx, url, error) };
  }
  if (response.status === 404) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: true, value: { ids: null, server: serverName(response, []), contextWindows: new Map() } };
  }
  if (!response.ok) {
    return { ok: false, error: httpError(response.status, url, await serverMessage(response, ctx.apiKey)) };
  }
  let json: unknown;
  try {
    json = JSON.parse((await response.text()).slice(0, 10_000_000));
  } catch (error) {
    return {
      ok: false,
      error: badStreamError(url, redact(`the model list is not JSON: ${String(error)}`, ctx.apiKey)),
    };
  }
  const parsed = v.safeParse(ModelListSchema, json);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    return {
      ok: false,
      error: badStreamError(
        url,
        `the model list has no data[].id (${issue ? (v.getDotPath(issue) ?? '') : ''} ${issue?.message ?? ''})`.trim(),
      ),
    };
  }
  const models = parsed.output.data;
  const contextWindows = new Map<string, number>();
  for (const m of models) {
    if (typeof m.max_model_len === 'number' && Number.isInteger(m.max_model_len) && m.max_model_len > 0) {
      contextWindows.set(m.id, m.max_model_len);
    }
  }
  return {
    ok: true,
    value: {
      ids: models.map((m) => m.id),
      server: serverName(
        response,
        models.map((m) => m.owned_by),
      ),
      contextWindows,
    },
  };
}
