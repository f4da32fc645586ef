// Finding 7 of issue 16: a report nested thousands of levels deep ends in one clear line, exit 2.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabeval } from './runCli.ts';

let dir: string;
let deep: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-deep-'));
  const report = JSON.parse(await readFile('tests/fixtures/reports/punie-30b.report.json', 'utf8')) as {
    params: Record<string, unknown>;
  };
  report.params['stop'] = '__DEEP__';
  deep = join(dir, 'deep.json');
  await writeFile(deep, JSON.stringify(report).replace('"__DEEP__"', '['.repeat(5000) + ']'.repeat(5000)));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a report nested 5,000 levels deep', () => {
  it.each([
    [['report', '--md']],
    [['report', '--html', 'OUT']],
    [['rescore', '--json']],
    [['compare', 'tests/fixtures/reports/punie-30b.report.json']],
  ])('%j: one message naming the file and the path, exit 2', async (args) => {
    const [command, ...rest] = args;
    const r = await tabeval([command!, deep, ...rest.map((a) => (a === 'OUT' ? join(dir, 'o.html') : a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${deep} is not a valid`);
    expect(r.stderr).toContain('params.stop[0][0][0][0]… (64 levels down)');
    expect(r.stderr).toContain('nested more than 64 levels deep');
    expect(r.stderr).not.toMatch(/RangeError|Maximum call stack|\n\s+at /);
  });
});
