// Hash routing: the built site works from any static host and any sub-path.

export type Route =
  | { page: 'home' }
  | { page: 'playground' }
  | { page: 'bench' }
  | { page: 'devices' }
  | { page: 'new-run' }
  | { page: 'runs' }
  | { page: 'run'; id: string }
  | { page: 'compare' }
  | { page: 'not-found'; path: string };

const RUN_PATH = /^\/runs\/([\w-]{1,64})$/;

function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  const run = RUN_PATH.exec(path);
  if (run?.[1]) return { page: 'run', id: run[1] };
  switch (path) {
    case '/run':
      return { page: 'new-run' };
    case '/runs':
      return { page: 'runs' };
    case '/':
      return { page: 'home' };
    case '/playground':
      return { page: 'playground' };
    case '/bench':
      return { page: 'bench' };
    case '/devices':
      return { page: 'devices' };
    case '/compare':
      return { page: 'compare' };
    default:
      return { page: 'not-found', path };
  }
}

/** The query of a hash route (`#/run?v=1&…` → `v=1&…`), as shared links carry it. */
function parseQuery(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : hash.slice(at + 1));
}

class Router {
  #route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));
  #query = $state.raw<URLSearchParams>(parseQuery(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => {
        this.#route = parseHash(location.hash);
        this.#query = parseQuery(location.hash);
      });
    }
  }

  get route(): Route {
    return this.#route;
  }

  /** The current route's query parameters (empty when the hash has no `?`). */
  get query(): URLSearchParams {
    return this.#query;
  }

  /** Goes to a route path such as `/runs/abc`. */
  go(path: string): void {
    location.hash = `#${path}`;
  }
}

export const router = new Router();
