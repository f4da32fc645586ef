/** A server's API base, checked: http(s) only, no credentials, query or fragment, no trailing slash. */
export type BaseUrlResult = { ok: true; baseUrl: string; origin: string } | { ok: false };

/**
 * Normalises a user's base URL (`http://127.0.0.1:8080/v1/` → `http://127.0.0.1:8080/v1`).
 * Refuses other schemes and URLs with a user name or password in them (a key belongs in the key
 * field, where it is never stored).
 */
export function normalizeBaseUrl(given: string): BaseUrlResult {
  let url: URL;
  try {
    url = new URL(given.trim());
  } catch {
    return { ok: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false };
  if (url.username !== '' || url.password !== '') return { ok: false };
  let path = url.pathname;
  while (path.endsWith('/')) path = path.slice(0, -1);
  return { ok: true, baseUrl: `${url.origin}${path}`, origin: url.origin };
}
