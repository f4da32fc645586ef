// The document title of each route, so tabs, history and screen readers name the page.
import type { Route } from './router.svelte.ts';

const TITLES: Record<Exclude<Route['page'], 'run'>, string> = {
  home: 'Start',
  playground: 'Tool-call parser',
  bench: 'Throughput benchmark',
  devices: 'Devices',
  'new-run': 'Run an eval',
  runs: 'Runs',
  compare: 'Compare runs',
  'not-found': 'Page not found',
};

/** "<page> · tabeval"; a run's page names the run's title when it is known. */
export function pageTitle(route: Route, runTitle?: string): string {
  const page = route.page === 'run' ? (runTitle ?? 'Run') : TITLES[route.page];
  return `${page} · tabeval`;
}

/** The route's identity for focus handling: a new value means the user went to another page. */
export function routeKey(route: Route): string {
  return route.page === 'run' ? `run:${route.id}` : route.page;
}
