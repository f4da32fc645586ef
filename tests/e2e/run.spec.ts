import { test, expect, type Page } from '@playwright/test';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/reports/${name}`, import.meta.url), 'utf8');

async function openReport(page: Page, name: string, body: string, recordedSpeed = false) {
  await page.goto('./');
  if (recordedSpeed) await page.getByTestId('replay-recorded-speed').check();
  await page
    .getByTestId('open-report')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
}

test.describe('open a report: re-score and results', () => {
  test('shows the seed numbers, filters failures and explains a case', async ({ page }) => {
    await openReport(page, 'punie-30b.report.json', fixture('punie-30b.report.json'));
    await expect(page).toHaveURL(/#\/runs\/[\w-]+$/);
    await expect(page.getByTestId('overall-score')).toHaveText('75.0 %');
    await expect(page.getByTestId('rescore-notice')).toContainText(/no case changed/i);
    const categories = page.getByTestId('category-table');
    await expect(categories.getByTestId('category-row').filter({ hasText: 'reasoning' })).toContainText(
      '50.0 %',
    );
    await expect(categories.getByTestId('category-row').filter({ hasText: 'code_generation' })).toContainText(
      '87.5 %',
    );
    await expect(categories.getByTestId('category-row').filter({ hasText: 'tool_calling' })).toContainText(
      '83.3 %',
    );

    const rows = page.getByTestId('case-row');
    await expect(rows).toHaveCount(7);
    await page.getByTestId('filter-failed').check();
    await expect(rows).toHaveCount(4);
    await expect(rows.first()).toHaveAttribute('data-case-id', /tool-01|tool-02|code-02|reason-02/);

    await page.locator('[data-testid="case-row"][data-case-id="reason-02"]').click();
    const detail = page.getByTestId('case-detail');
    await expect(detail).toBeVisible();
    await expect(detail.getByTestId('case-reason').first()).toContainText('O(log n)');
    await page.keyboard.press('Escape');
    await expect(detail).toBeHidden();
  });

  test('lists the cases whose verdict changed since the report was recorded', async ({ page }) => {
    const report = JSON.parse(fixture('punie-30b.report.json'));
    const stale = report.cases.find((c: { id: string }) => c.id === 'reason-02');
    Object.assign(stale, { score: 1, passed: true, reasons: [] });
    await openReport(page, 'old.json', JSON.stringify(report));
    const notice = page.getByTestId('rescore-notice');
    await expect(notice).toContainText('1 case');
    await expect(notice.getByTestId('rescore-change')).toContainText('reason-02');
  });

  test('an output full of HTML and script renders inert', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openReport(page, 'hostile.report.json', fixture('hostile.report.json'));
    await expect(page.getByTestId('results-view')).toBeVisible();
    await page.getByTestId('case-row').first().click();
    await expect(page.getByTestId('case-output')).toContainText('<img');
    expect(await page.locator('main img, main script, main iframe, main a[href^="javascript"]').count()).toBe(
      0,
    );
    await page.waitForLoadState('networkidle');
    expect(dialogs).toEqual([]);
  });

  test('a bad file gets a message that says what is wrong, and the page stays usable', async ({ page }) => {
    await openReport(page, 'truncated.json', fixture('punie-30b.report.json').slice(0, 500));
    await expect(page.getByTestId('open-report-error')).toContainText('truncated.json');
    await expect(page.getByTestId('open-report-error')).toContainText('invalid JSON');
    await openReport(page, 'v9.json', JSON.stringify({ schema: 'tabeval.report/9' }));
    await expect(page.getByTestId('open-report-error')).toContainText('unknown report schema');
    await page.goto('./#/playground');
    await page.getByTestId('playground-input').fill('<tool_call>{"name": "a"}</tool_call>');
    await expect(page.getByTestId('call-name')).toHaveText('a');
  });
});

test('a replay at recorded speed survives a reload: resumes without losing or repeating a case', async ({
  page,
}) => {
  // Every output streams at 40 tokens/s (about 1.5 s per case), so the reload lands mid-run.
  const report = JSON.parse(fixture('punie-30b.report.json'));
  const figures = {
    promptTokens: 100,
    completionTokens: 60,
    ttftMs: 50,
    prefillTps: 500,
    decodeTps: 40,
    e2eMs: 1500,
  };
  for (const c of report.cases) c.usage = { reported: figures, measured: figures };
  await openReport(page, 'slow.json', JSON.stringify(report), true);
  await expect(page.getByTestId('run-progress')).toBeVisible();
  await expect(page.getByTestId('run-count')).toHaveText(/^[2-5] of 7 cases$/, { timeout: 30_000 });
  await expect(page.getByTestId('stream')).not.toBeEmpty();

  await page.reload();
  await expect(page.getByTestId('run-stopped')).toBeVisible();
  const stoppedText = await page.getByTestId('run-stopped').textContent();
  const doneBefore = Number(/after (\d+) of 7/.exec(stoppedText ?? '')?.[1]);
  expect(doneBefore).toBeGreaterThanOrEqual(2);

  const seen: string[] = [];
  await page.exposeFunction('noteCase', (id: string) => seen.push(id));
  await page.evaluate(() => {
    const w = window as unknown as { noteCase: (id: string) => void };
    new MutationObserver(() => {
      const id = document.querySelector('[data-testid="current-case"]')?.textContent;
      if (id) w.noteCase(id);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await page.getByTestId('resume-run').click();
  await expect(page.getByTestId('overall-score')).toHaveText('75.0 %', { timeout: 30_000 });

  const ids = report.cases.map((c: { id: string }) => c.id);
  const rerun = [...new Set(seen)];
  // Only the unfinished cases ran after the reload, in suite order.
  expect(rerun).toEqual(ids.slice(doneBefore));
  const rows = page.getByTestId('case-row');
  await expect(rows).toHaveCount(7);
  const shownIds = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-case-id')));
  expect(new Set(shownIds).size).toBe(7);
});

test('the run page loads a bundled suite, and lists every problem of a bad suite file by path', async ({
  page,
}) => {
  await page.goto('./#/run');
  await expect(page.getByTestId('suite-summary')).toContainText('punie-baseline');
  await expect(page.getByTestId('suite-summary')).toContainText('7 cases in 3 categories');
  await page.getByTestId('suite-option-tool-calling').check();
  await expect(page.getByTestId('suite-summary')).toContainText('tool-calling');
  // No model loaded: the one action downloads it first, and says how much.
  await expect(page.getByTestId('start-run')).toHaveText(/^Download [\d.]+ [MG]B and run$/);

  await page.getByLabel('from a file').check();
  const bad = {
    id: 'bad',
    version: '1',
    description: '',
    system_prompt: '',
    tools: [],
    cases: [
      {
        id: 'a',
        category: 'c',
        prompt: 'p',
        expected_calls: [{ name: 'f', arguments: { path: { equal: 1 } } }],
      },
    ],
  };
  await page.getByTestId('suite-file').setInputFiles({
    name: 'bad-suite.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  const error = page.getByTestId('suite-error');
  await expect(error).toContainText('bad-suite.json is not a valid suite');
  await expect(error).toContainText('cases[0].expected_calls[0].arguments.path');
});

test('the run page imports HumanEval JSONL from a file, plain or gzipped, and names bad lines', async ({
  page,
}) => {
  const problems = [0, 1, 2].map((n) => ({
    task_id: `Tiny/${n}`,
    prompt: `def f${n}(x):\n    """Return x + ${n}."""\n`,
    canonical_solution: `    return x + ${n}\n`,
    test: `def check(candidate):\n    assert candidate(1) == ${1 + n}\n`,
    entry_point: `f${n}`,
  }));
  const jsonl = problems.map((p) => JSON.stringify(p)).join('\n');
  await page.goto('./#/run');
  await page.getByLabel('from a file').check();
  await page.getByTestId('suite-file').setInputFiles({
    name: 'tiny-humaneval.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(jsonl),
  });
  await expect(page.getByTestId('suite-import-note')).toHaveText(
    'Imported 3 HumanEval problems from tiny-humaneval.jsonl as suite tiny-humaneval.',
  );
  await expect(page.getByTestId('suite-summary')).toContainText('tiny-humaneval');
  await expect(page.getByTestId('suite-summary')).toContainText('3 cases in 1 categories');

  await page.getByTestId('suite-file').setInputFiles({
    name: 'tiny.data',
    mimeType: 'application/octet-stream',
    buffer: gzipSync(Buffer.from(jsonl)),
  });
  await expect(page.getByTestId('suite-import-note')).toHaveText(
    'Imported 3 HumanEval problems from tiny.data (gzip) as suite tiny-data.',
  );

  await page.getByTestId('suite-file').setInputFiles({
    name: 'broken.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(`${jsonl}\n{"task_id": "Tiny/9", "prompt": 1}\n`),
  });
  const error = page.getByTestId('suite-error');
  await expect(error).toContainText('broken.jsonl is not valid HumanEval JSONL');
  await expect(error).toContainText('line 4, prompt: expected the prompt code (a string), got the number 1');
  await expect(page.getByTestId('suite-import-note')).toHaveCount(0);
});

test('the run page imports BFCL questions with their possible answers, chosen together', async ({ page }) => {
  const fn = (name: string) => ({
    name,
    description: `The ${name} function.`,
    parameters: {
      type: 'dict',
      properties: { city: { type: 'string' }, days: { type: 'integer' } },
      required: ['city'],
    },
  });
  const questions = [
    {
      id: 'simple_python_0',
      question: [[{ role: 'user', content: 'Weather in Paris?' }]],
      function: [fn('weather')],
    },
    {
      id: 'irrelevance_0',
      question: [[{ role: 'user', content: 'Who wrote Hamlet?' }]],
      function: [fn('weather')],
    },
  ];
  const answers = [{ id: 'simple_python_0', ground_truth: [{ weather: { city: ['Paris'] } }] }];
  const lines = (records: unknown[]) => Buffer.from(records.map((r) => JSON.stringify(r)).join('\n'));
  await page.goto('./#/run');
  await page.getByLabel('from a file').check();
  // Answers first: the page tells the two files apart by content.
  await page.getByTestId('suite-file').setInputFiles([
    { name: 'answers.json', mimeType: 'application/json', buffer: lines(answers) },
    { name: 'questions.json', mimeType: 'application/json', buffer: lines(questions) },
  ]);
  await expect(page.getByTestId('suite-import-note')).toHaveText(
    'Imported 2 BFCL problems from questions.json and answers.json as suite questions.',
  );
  await expect(page.getByTestId('suite-summary')).toContainText('2 cases in 2 categories');
  await expect(page.getByTestId('suite-import-notes')).toContainText(
    'simple_python_0: weather: the possible answer leaves out days',
  );
});

test('the app downloads the same HTML, CSV and Markdown files as the CLI makes from its JSON', async ({
  page,
}) => {
  await openReport(page, 'punie-30b.report.json', fixture('punie-30b.report.json'));
  await expect(page.getByTestId('overall-score')).toHaveText('75.0 %');
  await page.getByTestId('share-export-toggle').click();
  const save = async (testId: string) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
    const path = await download.path();
    return readFileSync(path, 'utf8');
  };
  const json = await save('export-json');
  const dir = mkdtempSync(join(tmpdir(), 'tabeval-export-'));
  const reportPath = join(dir, 'report.json');
  writeFileSync(reportPath, json);
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'report',
      reportPath,
      '--html',
      join(dir, 'cli.html'),
      '--csv',
      join(dir, 'cli.csv'),
    ],
    { stdio: 'pipe' },
  );
  const md = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'report', reportPath, '--md'],
    {
      encoding: 'utf8',
    },
  );
  expect(await save('export-html')).toBe(readFileSync(join(dir, 'cli.html'), 'utf8'));
  expect(await save('export-csv')).toBe(readFileSync(join(dir, 'cli.csv'), 'utf8'));
  expect((await save('export-md')).trimEnd()).toBe(md.trimEnd());
});

test('a run kept by the previous storage version (plan inside the run row) still opens and lists', async ({
  page,
}) => {
  await openReport(page, 'punie-30b.report.json', fixture('punie-30b.report.json'));
  await expect(page.getByTestId('overall-score')).toHaveText('75.0 %');
  const id = page.url().split('/').at(-1)!;
  // Away from the app (its connection closes), rebuild the database as version 2 kept it.
  await page.goto('./exec-harness.html');
  await page.evaluate(async (runId) => {
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const openDb = (version?: number, upgrade?: (db: IDBDatabase) => void) =>
      new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('tabeval', version);
        if (upgrade) open.onupgradeneeded = () => upgrade(open.result);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
    const current = await openDb();
    const tx = current.transaction(['runs', 'plans', 'cases']);
    const row = (await request(tx.objectStore('runs').get(runId))) as Record<string, unknown>;
    const planRow = (await request(tx.objectStore('plans').get(runId))) as { plan: unknown };
    const cases = await request(tx.objectStore('cases').getAll());
    current.close();
    await request(indexedDB.deleteDatabase('tabeval'));
    const old = await openDb(2, (db) => {
      db.createObjectStore('runs', { keyPath: 'id' }).createIndex('byCreatedAt', 'createdAt');
      db.createObjectStore('cases', { keyPath: ['runId', 'index'] }).createIndex('byRun', 'runId');
    });
    const write = old.transaction(['runs', 'cases'], 'readwrite');
    write.objectStore('runs').put({ ...row, plan: planRow.plan });
    for (const c of cases) write.objectStore('cases').put(c);
    await new Promise((resolve) => (write.oncomplete = resolve));
    old.close();
  }, id);
  await page.goto(`./#/runs/${id}`);
  await expect(page.getByTestId('overall-score')).toHaveText('75.0 %');
  await expect(page.getByTestId('rescore-notice')).toContainText(/no case changed/i);
  await page.goto('./#/runs');
  await expect(page.getByTestId('runs-table')).toContainText('punie-baseline');
});

test('a re-scored run kept in this browser enters the devices comparison with its score and speed', async ({
  page,
}) => {
  await openReport(page, 'rich.report.json', fixture('rich.report.json'));
  await expect(page.getByTestId('overall-score')).toBeVisible();
  const score = await page.getByTestId('overall-score').textContent();
  await page.goto('./#/devices');
  // Summarised in the report worker: the page gets its device, model, score and median speeds.
  await expect(page.getByTestId('scatter-device')).toHaveValue('apple metal-3');
  await expect(page.getByTestId('best-within-budget')).toContainText(`${score}, 29.1 tok/s`);
});

test('report files chosen on the devices page are read in the report worker; a bad one says why', async ({
  page,
}) => {
  await page.goto('./#/devices');
  await page.getByTestId('devices-import').setInputFiles([
    { name: 'rich.json', mimeType: 'application/json', buffer: Buffer.from(fixture('rich.report.json')) },
    { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from([0x7b, 0xff]) },
  ]);
  const messages = page.getByTestId('devices-messages');
  await expect(messages).toContainText('rich.json');
  await expect(messages).toContainText('opened');
  await expect(messages).toContainText('invalid byte 0xff at byte offset 1');
  await expect(page.getByTestId('scatter-device')).toHaveValue('apple metal-3');
  await expect(page.getByTestId('best-within-budget')).toContainText('81.3 %, 29.1 tok/s');
});
