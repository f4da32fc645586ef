// Checks one artifact URL over the network, to name the URL and status a failed load hit
// (WebLLM itself only reports "Failed to execute 'add' on 'Cache': Request failed").

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface ProbeOutcome {
  url: string;
  ok: boolean;
  /** HTTP status; null when the request did not complete (offline, DNS, CORS, CSP). */
  status: number | null;
  statusText: string;
  /** The network error text when status is null. */
  networkError?: string;
}

/**
 * HEAD `url` (GET when the server refuses HEAD), bypassing the HTTP cache. Never throws. The
 * body of a fallback GET is cancelled: only the status matters.
 */
export async function probeUrl(url: string, fetchFn: FetchLike): Promise<ProbeOutcome> {
  try {
    let res = await fetchFn(url, { method: 'HEAD', cache: 'no-store' });
    if (res.status === 405 || res.status === 501) {
      res = await fetchFn(url, { method: 'GET', cache: 'no-store' });
      await res.body?.cancel().catch(() => undefined);
    }
    return { url, ok: res.ok, status: res.status, statusText: res.statusText };
  } catch (err) {
    return { url, ok: false, status: null, statusText: '', networkError: String(err) };
  }
}

/** Fetch and parse a JSON artifact. Never throws. */
export async function fetchJson(
  url: string,
  fetchFn: FetchLike,
): Promise<{ probe: ProbeOutcome; json?: unknown; parseError?: string }> {
  let res: Response;
  try {
    res = await fetchFn(url, { cache: 'no-store' });
  } catch (err) {
    return { probe: { url, ok: false, status: null, statusText: '', networkError: String(err) } };
  }
  const probe: ProbeOutcome = { url, ok: res.ok, status: res.status, statusText: res.statusText };
  if (!res.ok) {
    await res.body?.cancel().catch(() => undefined);
    return { probe };
  }
  try {
    return { probe, json: (await res.json()) as unknown };
  } catch (err) {
    return { probe, parseError: String(err) };
  }
}

/** "HTTP 404 Not Found" or "network error (TypeError: Failed to fetch)". */
export function describeOutcome(outcome: ProbeOutcome): string {
  if (outcome.status === null) return `a network error (${outcome.networkError ?? 'no response'})`;
  return `HTTP ${outcome.status}${outcome.statusText ? ` ${outcome.statusText}` : ''}`;
}
