// Finding 8 of issue 16: the CLI shows what a report's cases give, and says when the stored
// figures disagree.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabeval } from './runCli.ts';

const FIXTURE = 'tests/fixtures/reports/punie-30b.report.json';
let dir: string;
let edited: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-stored-'));
  const report = JSON.parse(await readFile(FIXTURE, 'utf8')) as { summary: Record<string, unknown> };
  report.summary['n'] = 7000;
  edited = join(dir, 'edited.json');
  await writeFile(edited, JSON.stringify(report));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('stored figures the cases contradict', () => {
  it('compare shows the recomputed count and warns with the path', async () => {
    const r = await tabeval(['compare', edited, FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`warning: ${edited} was edited or is corrupt`);
    expect(r.stderr).toContain('summary.n: the report says 7000, its cases give 7');
    expect(r.stdout).toContain('| Cases | 7 | 7 |');
    expect(r.stdout).not.toContain('7,000');
  });

  it('report --md and rescore warn too', async () => {
    for (const args of [
      ['report', edited, '--md'],
      ['rescore', edited, '--no-exec'],
    ]) {
      const r = await tabeval(args);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('summary.n: the report says 7000, its cases give 7');
    }
  });

  it('a negative count is refused with the path', async () => {
    const report = JSON.parse(await readFile(FIXTURE, 'utf8')) as { summary: Record<string, unknown> };
    report.summary['n'] = -5;
    const negative = join(dir, 'negative.json');
    await writeFile(negative, JSON.stringify(report));
    const r = await tabeval(['compare', negative, FIXTURE]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('summary.n');
  });
});
