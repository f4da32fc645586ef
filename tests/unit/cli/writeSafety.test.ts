// Findings 6 and 10 of issue 16: the CLI never destroys an input, never writes half a file, and
// reads every input the same way (size cap, strict UTF-8 with the byte offset, BOM dropped).
import {
  link,
  mkdtemp,
  readFile,
  readdir,
  readlink,
  rm,
  symlink,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tabeval } from './runCli.ts';

const REPORT = 'tests/fixtures/reports/punie-30b.report.json';
let dir: string;
let report: string;
let reportText: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-write-'));
  reportText = await readFile(REPORT, 'utf8');
  report = join(dir, 'r.json');
  await writeFile(report, reportText);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('outputs that are inputs are refused, the input intact', () => {
  it('a symlink to the report as --html', async () => {
    const out = join(dir, 'o.html');
    await symlink(report, out);
    const r = await tabeval(['report', report, '--html', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`refusing to write ${out}: it is the input ${report}`);
    expect(r.stderr).toContain('nothing was written');
    expect(await readFile(report, 'utf8')).toBe(reportText);
    await rm(out);
  });

  it('a hard link to the report as --csv', async () => {
    const out = join(dir, 'hard.csv');
    await link(report, out);
    const r = await tabeval(['report', report, '--csv', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`(${out} is ${report} by a hard link)`);
    expect(await readFile(report, 'utf8')).toBe(reportText);
    await rm(out);
  });

  it('the report under another spelling', async () => {
    const r = await tabeval([
      'report',
      report,
      '--html',
      join(dir, '.', '..', dir.split('/').at(-1)!, 'r.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is the input');
    expect(await readFile(report, 'utf8')).toBe(reportText);
  });

  it('--html and --csv naming one file, however spelled', async () => {
    const r = await tabeval(['report', report, '--html', join(dir, 'a.out'), '--csv', `${dir}/./a.out`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('they are the same file');
    await expect(readdir(dir)).resolves.not.toContain('a.out');
  });

  it('suite import onto its own input', async () => {
    const input = join(dir, 'problems.jsonl');
    await writeFile(input, '{"task_id": "a"}\n');
    const r = await tabeval(['suite', 'import', input, '-o', input, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('it is the input');
    expect(await readFile(input, 'utf8')).toBe('{"task_id": "a"}\n');
  });
});

describe('writes are whole', () => {
  it('replaces an existing file through a temporary one, says so, and leaves no temporary file', async () => {
    const out = join(dir, 'w', 'report.csv');
    await rm(join(dir, 'w'), { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(join(dir, 'w')));
    await writeFile(out, 'old');
    const r = await tabeval(['report', report, '--csv', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('replacing the file that was there');
    expect(await readFile(out, 'utf8')).toMatch(/^id,/);
    expect(await readdir(join(dir, 'w'))).toEqual(['report.csv']);
  });

  it('writes through a symlink that is not an input: the link stays a link', async () => {
    const target = join(dir, 'target.html');
    const alias = join(dir, 'alias.html');
    await writeFile(target, 'old');
    await symlink(target, alias);
    const r = await tabeval(['report', report, '--html', alias]);
    expect(r.code).toBe(0);
    expect(await readlink(alias)).toBe(target);
    expect(await readFile(target, 'utf8')).toMatch(/^<!doctype html>/i);
  });

  it('a missing folder is a clear message', async () => {
    const r = await tabeval(['report', report, '--html', join(dir, 'nope', 'x.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write ${join(dir, 'nope', 'x.html')}: no such directory`);
  });
});

describe('every input is read the same way', () => {
  const suite = 'suites/punie-baseline.json';
  const outputs = 'tests/fixtures/outputs/punie-1.5b.json';

  it('--outputs with a byte-order mark scores like without', async () => {
    const withBom = join(dir, 'bom.json');
    await writeFile(withBom, `\uFEFF${await readFile(outputs, 'utf8')}`);
    const plain = await tabeval(['score', '--suite', suite, '--outputs', outputs, '--no-exec']);
    const bom = await tabeval(['score', '--suite', suite, '--outputs', withBom, '--no-exec']);
    expect(bom.stderr).toBe('');
    expect(bom.code).toBe(0);
    expect(bom.stdout).toBe(plain.stdout);
  });

  it.each([
    ['--outputs', 'outputs'],
    ['--suite', 'suite'],
    ['report', 'report'],
  ])('invalid UTF-8 in %s names the file and the byte offset', async (where) => {
    const bad = join(dir, `bad-${where.replace(/-/g, '')}.json`);
    const text = await readFile(where === 'report' ? REPORT : where === '--suite' ? suite : outputs);
    const broken = Buffer.concat([text.subarray(0, 40), Buffer.from([0xc3, 0x28]), text.subarray(40)]);
    await writeFile(bad, broken);
    const args =
      where === 'report'
        ? ['report', bad, '--md']
        : where === '--suite'
          ? ['score', '--suite', bad, '--outputs', outputs]
          : ['score', '--suite', suite, '--outputs', bad];
    const r = await tabeval(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad} is not UTF-8 text: invalid byte 0xc3 at byte offset 40`);
  });

  it('UTF-16 is named as such', async () => {
    const utf16 = join(dir, 'utf16.json');
    await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{}', 'utf16le')]));
    const r = await tabeval(['suite', 'validate', utf16]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${utf16} is UTF-16 text`);
  });

  it.each([
    ['--outputs', 101],
    ['--suite', 21],
  ])('%s over its size cap is refused before it is read', async (where, megabytes) => {
    const big = join(dir, `big${where.replace(/-/g, '')}.json`);
    await writeFile(big, '');
    await truncate(big, megabytes * 1024 * 1024); // sparse: no disk used
    const args =
      where === '--suite'
        ? ['score', '--suite', big, '--outputs', outputs]
        : ['score', '--suite', suite, '--outputs', big];
    const r = await tabeval(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${big} is too large: ${megabytes.toFixed(1)} MB`);
  });
});
