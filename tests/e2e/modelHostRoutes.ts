// Stands in for the model hosts: routes every non-local request of a browser context, records
// it, and answers from a table (404 by default). Nothing reaches the real network.
import type { BrowserContext, Route } from '@playwright/test';

export interface RoutedRequest {
  method: string;
  url: string;
}

/** Answer the route, or return 'default' for a 404. */
export type Responder = (route: Route, url: string) => Promise<void | 'default'> | 'default';

const CORS = { 'access-control-allow-origin': '*' };

export const MINIMAL_CHAT_CONFIG = JSON.stringify({
  model_type: 'qwen2',
  tokenizer_files: ['tokenizer.json'],
  context_window_size: 4096,
  conv_template: { name: 'qwen2' },
});

export async function routeModelHosts(context: BrowserContext, respond: Responder): Promise<RoutedRequest[]> {
  const seen: RoutedRequest[] = [];
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    async (route) => {
      const url = route.request().url();
      seen.push({ method: route.request().method(), url });
      if ((await respond(route, url)) === 'default') {
        await route.fulfill({ status: 404, headers: CORS, body: 'Not Found' });
      }
    },
  );
  return seen;
}

export function serveJson(route: Route, body: string): Promise<void> {
  return route.fulfill({ status: 200, headers: { ...CORS, 'content-type': 'application/json' }, body });
}
