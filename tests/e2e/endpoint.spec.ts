// The "Server (OpenAI-compatible)" model source in Chromium, against real local HTTP servers
// started by the test: one that sends no CORS headers (the browser blocks its answers: the error
// says how to allow the origin on each common server), and one that does (a whole run in the tab).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Page } from '@playwright/test';
import { watchPage } from './cspWatch.ts';

interface LocalServer {
  baseUrl: string;
  chats: { system: string; user: string; authorization: string | undefined; tools: number }[];
  close(): Promise<void>;
}

const MODELS = { object: 'list', data: [{ id: 'qwen2.5-coder:1.5b', object: 'model', owned_by: 'library' }] };

function frame(content: string | null, finish: string | null): string {
  return `data: ${JSON.stringify({
    id: 'chatcmpl-1',
    object: 'chat.completion.chunk',
    created: 1764750000,
    model: 'qwen2.5-coder:1.5b',
    system_fingerprint: 'fp_ollama',
    choices: [{ index: 0, delta: { role: 'assistant', content: content ?? '' }, finish_reason: finish }],
  })}\n\n`;
}

/** A server that answers every chat with a read_file call, as Ollama streams; CORS headers if `cors`. */
async function startServer(cors: boolean): Promise<LocalServer> {
  const chats: LocalServer['chats'] = [];
  const corsHeaders: Record<string, string> = cors
    ? {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'authorization, content-type',
        'access-control-allow-methods': 'GET, POST, OPTIONS',
      }
    : {};
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method === 'OPTIONS') {
        res.writeHead(204, corsHeaders).end();
        return;
      }
      if (req.url === '/v1/models') {
        res
          .writeHead(200, { 'content-type': 'application/json', ...corsHeaders })
          .end(JSON.stringify(MODELS));
        return;
      }
      const request = JSON.parse(body) as {
        messages: { role: string; content: string }[];
        tools?: unknown[];
      };
      chats.push({
        system: request.messages.find((m) => m.role === 'system')?.content ?? '',
        user: request.messages.find((m) => m.role === 'user')?.content ?? '',
        authorization: req.headers['authorization'],
        tools: request.tools?.length ?? 0,
      });
      const answer =
        'Reading it.\n<tool_call>\n{"name": "read_file", "arguments": {"path": "README.md"}}\n</tool_call>';
      res.writeHead(200, { 'content-type': 'text/event-stream', ...corsHeaders });
      for (const piece of answer.match(/[\s\S]{1,6}/g) ?? []) res.write(frame(piece, null));
      res.write(frame('', 'stop'));
      res.write(
        `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [], usage: { prompt_tokens: 300, completion_tokens: 20, total_tokens: 320 } })}\n\n`,
      );
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    chats,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function chooseServer(page: Page, baseUrl: string): Promise<void> {
  await page.getByTestId('source-server').check();
  await page.getByTestId('server-base-url').fill(baseUrl);
}

test.describe('a model on an OpenAI-compatible server', () => {
  test('a server without CORS headers: the error names CORS and how to allow this origin on each server', async ({
    page,
  }) => {
    const server = await startServer(false);
    try {
      const problems = await watchPage(page);
      await page.goto('./#/run');
      await chooseServer(page, server.baseUrl);
      await page.getByTestId('server-list-models').click();
      const listError = page.getByTestId('server-error');
      await expect(listError).toBeVisible();
      await expect(listError).toContainText('CORS');
      const origin = new URL(page.url()).origin;
      await expect(listError).toContainText(`OLLAMA_ORIGINS=${origin} ollama serve`);
      await expect(listError).toContainText('lms server start --cors');

      await page.getByTestId('server-model').fill('qwen2.5-coder:1.5b');
      await expect(page.getByTestId('start-run')).toHaveText('Connect and run');
      await page.getByTestId('start-run').click();
      const error = page.getByTestId('load-error');
      await expect(error).toBeVisible();
      await expect(error).toHaveAttribute('data-error-name', /^Cors/);
      await expect(error).toContainText('tabeval run --engine endpoint');
      // connect-src allows servers on this machine: the browser's refusal is CORS, not the page's policy.
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toMatch(/connect-src [^;]*http:\/\/localhost:\*/);
      expect(csp).toMatch(/connect-src [^;]*http:\/\/127\.0\.0\.1:\*/);
      expect(problems).toEqual({ cspViolations: [], pageErrors: [] });
    } finally {
      await server.close();
    }
  });

  test('a server that allows the origin: list its models, connect, run a suite in the tab', async ({
    page,
  }) => {
    const server = await startServer(true);
    try {
      const problems = await watchPage(page);
      await page.goto('./#/run');
      await expect(page.getByTestId('suite-summary')).toContainText('punie-baseline');
      await chooseServer(page, server.baseUrl);
      await page.getByTestId('server-api-key').fill('sk-local-1');
      await page.getByTestId('server-list-models').click();
      await expect(page.getByTestId('server-model-select')).toHaveValue('qwen2.5-coder:1.5b');
      // One action connects and runs.
      await page.getByTestId('start-run').click();
      await expect(page.getByTestId('results-view')).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId('case-row')).toHaveCount(7);
      expect(server.chats).toHaveLength(7);
      // The same prompt as the in-tab model: the suite's system prompt with Qwen's <tools> block.
      expect(server.chats[0]?.system).toContain('<tools>');
      expect(server.chats.every((c) => c.authorization === 'Bearer sk-local-1')).toBe(true);
      // The key is in no stored run: IndexedDB holds the plan and records without it.
      const stored = await page.evaluate(async () => {
        const dbs = await indexedDB.databases();
        const texts: string[] = [];
        for (const info of dbs) {
          if (!info.name) continue;
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open(info.name!);
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          for (const name of db.objectStoreNames) {
            const all = await new Promise<unknown[]>((resolve) => {
              const req = db.transaction(name).objectStore(name).getAll();
              req.onsuccess = () => resolve(req.result as unknown[]);
            });
            texts.push(JSON.stringify(all));
          }
          db.close();
        }
        return texts.join('\n');
      });
      expect(stored).toContain('qwen2.5-coder:1.5b');
      expect(stored).not.toContain('sk-local-1');

      // Native tool calls, offered for a server model: the tools go as the server's parameter.
      await page.goto('./#/run');
      // The connected server is the choice on coming back: the action only runs.
      await expect(page.getByTestId('start-run')).toHaveText('Run');
      await page.getByTestId('advanced').locator(':scope > summary').click();
      await page.getByTestId('tool-call-mode').selectOption('native');
      await page.getByTestId('start-run').click();
      await expect(page.getByTestId('results-view')).toBeVisible({ timeout: 30_000 });
      expect(server.chats).toHaveLength(14);
      const native = server.chats.slice(7);
      expect(native.every((c) => c.tools > 0 && !c.system.includes('<tools>'))).toBe(true);
      expect(server.chats.slice(0, 7).every((c) => c.tools === 0)).toBe(true);
      expect(problems).toEqual({ cspViolations: [], pageErrors: [] });
    } finally {
      await server.close();
    }
  });
});
