/** The route and query of a link, whichever form it was given in. */
export interface LinkFragment {
  /** The fragment's route path (`/run`, `/compare`), or null when only a query was given. */
  path: string | null;
  query: URLSearchParams;
}

/**
 * Splits a link into its route path and query. Accepts a full URL (`https://host/#/run?v=1…`),
 * a fragment (`#/run?v=1…`), a route (`/run?v=1…`) or a bare query (`v=1&…`). Never throws:
 * `URLSearchParams` keeps malformed percent escapes as they are.
 */
export function splitLinkFragment(link: string): LinkFragment {
  const text = link.trim();
  const hashAt = text.indexOf('#');
  const fragment = hashAt >= 0 ? text.slice(hashAt + 1) : text;
  const queryAt = fragment.indexOf('?');
  const head = queryAt >= 0 ? fragment.slice(0, queryAt) : fragment;
  const looksLikePath = head.startsWith('/');
  if (queryAt < 0 && !looksLikePath) return { path: null, query: new URLSearchParams(fragment) };
  return {
    path: looksLikePath ? head : null,
    query: new URLSearchParams(queryAt >= 0 ? fragment.slice(queryAt + 1) : ''),
  };
}

/**
 * A query value written for a URL fragment: percent-encoded like `encodeURIComponent`, but `:` and
 * `/` stay readable (both are allowed in a query, and URLs read better with them).
 */
export function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/');
}
