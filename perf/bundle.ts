// The app's weight: what the start page loads before it can draw (the entry script, the chunks it
// preloads, the stylesheets), gzip-compressed, against the target (under 150 KB). Reads the
// built site: run `npm run build` first. Run alone with `node --import tsx perf/bundle.ts`.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const DIST = 'dist';
const TARGET_KB = 150;

const gzipKb = (path: string): number => gzipSync(readFileSync(path), { level: 9 }).length / 1024;

export async function benchBundle(): Promise<void> {
  let html: string;
  try {
    html = readFileSync(join(DIST, 'index.html'), 'utf8');
  } catch {
    console.log('no built site in dist/: run "npm run build" first');
    return;
  }
  const entry = [...html.matchAll(/(?:src|href)="\.\/(?<file>assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m.groups!['file']!,
  );
  let total = 0;
  for (const file of entry) {
    const kb = gzipKb(join(DIST, file));
    total += kb;
    console.log(`${file.padEnd(44)} ${kb.toFixed(1).padStart(7)} KB gzip`);
  }
  const all = readdirSync(join(DIST, 'assets')).filter((f) => /\.(?:js|css)$/.test(f));
  const lazy = all
    .filter((f) => !entry.includes(`assets/${f}`))
    .reduce((sum, f) => sum + gzipKb(join(DIST, 'assets', f)), 0);
  const raw = all.reduce((sum, f) => sum + statSync(join(DIST, 'assets', f)).size, 0) / 1024;
  const main = entry.find((f) => f.endsWith('.js'));
  if (main !== undefined)
    console.log(
      `entry chunk ${main}: ${gzipKb(join(DIST, main)).toFixed(1)} KB gzip (target: under ${TARGET_KB} KB)`,
    );
  console.log(
    `the start page loads ${total.toFixed(1)} KB gzip before it draws (entry, preloaded chunks, CSS)`,
  );
  console.log(
    `loaded on demand: ${lazy.toFixed(1)} KB gzip in ${all.length - entry.length} chunks (${raw.toFixed(0)} KB of JS and CSS uncompressed in all)`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchBundle();
