// Hash routing: the built site works from any static host and any sub-path.

export type Route = { page: 'home' } | { page: 'playground' } | { page: 'not-found'; path: string };

function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  switch (path) {
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
}

export const router = new Router();
