// Hash routing: the built site works from any static host and any sub-path.

export type Route =
  | { page: 'home' }
  | { page: 'playground' }
  | { page: 'new-run' }
  | { page: 'runs' }
  | { page: 'run'; id: string }
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
    default:
      return { page: 'not-found', path };
  }
}

class Router {
  #route = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener('hashchange', () => (this.#route = parseHash(location.hash)));
    }
  }

  get route(): Route {
    return this.#route;
  }

  /** Goes to a route path such as `/runs/abc`. */
  go(path: string): void {
    location.hash = `#${path}`;
  }
}

export const router = new Router();
