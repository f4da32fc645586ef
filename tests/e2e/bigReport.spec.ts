// Issue 16, finding 4: a big report opens through the report worker, with progress, while the page
// keeps answering input; the results are those of the CLI for the same file.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CASES = 3000;

/** `tabeval score --json` of a generated suite: every 4th case fails its keyword. */
function bigReport(): { json: string; overall: number } {
  const dir = mkdtempSync(join(tmpdir(), 'tabeval-big-e2e-'));
  const ids = Array.from({ length: CASES }, (_, i) => `case-${i}`);
  const suite = {
    id: 'big',
    version: '1',
    description: 'generated',
    system_prompt: 'You are a coding agent.',
    tools: [],
    cases: ids.map((id, i) => ({
      id,
      category: ['a', 'b', 'c'][i % 3],
      prompt: `Say ${id}.`,
      expected_keywords: [id],
    })),
  };
  const outputs = Object.fromEntries(
    ids.map((id, i) => [id, i % 4 === 0 ? 'no idea' : `Sure: ${id}. `.repeat(20)]),
  );
  writeFileSync(join(dir, 'suite.json'), JSON.stringify(suite));
  writeFileSync(join(dir, 'outputs.json'), JSON.stringify(outputs));
  const json = execFileSync(
    process.execPath,
    [
      'dist-cli/main.js',
      'score',
      '--suite',
      join(dir, 'suite.json'),
      '--outputs',
      join(dir, 'outputs.json'),
      '--json',
      '--no-exec',
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return { json, overall: (JSON.parse(json) as { summary: { overall: number } }).summary.overall };
}

test('a 3,000-case report opens in the report worker, shows progress, and the page answers input meanwhile', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { json, overall } = bigReport();
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  await page.goto('./');
  // What appeared, in order: the opening's progress, the re-scoring's progress, input handled, results.
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[] };
    w.seen = [];
    const note = (what: string, present: boolean) => {
      if (present && !w.seen.includes(what)) w.seen.push(what);
    };
    new MutationObserver(() => {
      note('opening', document.querySelector('[data-testid="open-report-progress"]') !== null);
      note('rescoring', document.querySelector('[data-testid="run-progress"]') !== null);
      note('results', document.querySelector('[data-testid="overall-score"]') !== null);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page
    .getByTestId('open-report')
    .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(page.getByTestId('run-progress')).toBeVisible({ timeout: 60_000 });
  // An input event while the report is being re-scored: the page handles it and repaints.
  await page.evaluate(() => {
    const w = window as unknown as { seen: string[] };
    const probe = document.createElement('input');
    probe.addEventListener('input', () => {
      if (!w.seen.includes('results')) w.seen.push('input');
    });
    document.body.append(probe);
    probe.dispatchEvent(new Event('input'));
  });
  await expect(page.getByTestId('overall-score')).toHaveText(`${(overall * 100).toFixed(1)} %`, {
    timeout: 90_000,
  });
  const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
  expect(seen).toEqual(['opening', 'rescoring', 'input', 'results']);
  expect(workers.some((url) => /reportWorker/.test(url))).toBe(true);
  await expect(page.getByTestId('run-count')).toHaveCount(0);
});
