// The built site served by `vite preview` for the browser benches: one already answering on the
// port is used as it is; otherwise one is started and stopped afterwards.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** Serves `dist/` on 127.0.0.1:`port` until `stop()`; resolves once `url` (on that server) answers. */
export async function servePreview(
  port: number,
  url = `http://127.0.0.1:${port}/`,
): Promise<{ stop(): void }> {
  if (await answers(url)) return { stop: () => undefined };
  const server = spawn(
    process.execPath,
    [
      `${ROOT}node_modules/vite/bin/vite.js`,
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: ROOT, stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i += 1) {
    if (await answers(url)) return { stop: () => void server.kill() };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  server.kill();
  throw new Error(`vite preview did not answer at ${url}`);
}
