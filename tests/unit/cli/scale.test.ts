// Finding 5 of issue 16: what `tabeval score --json` writes, `report`, `compare` and `rescore`
// read back. The caps are lowered here (TABEVAL_MAX_REPORT_MB, or an injected cap) so a report
// over them takes a megabyte, not hundreds; `npm run bench -- scale` runs 100,000 cases for real.
import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REPORT_CHARS } from '../../../src/core/report/parseReportJson.ts';
import { INPUT_CAPS, inputCap, readInputText } from '../../../src/cli/readInputText.ts';
import { tabeval } from './runCli.ts';

const CASES = 300;
let dir: string;
let suite: string;
let outputs: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-scale-'));
  suite = join(dir, 'suite.json');
  outputs = join(dir, 'outputs.json');
  await writeFile(
    suite,
    JSON.stringify({
      id: 'scale',
      version: '1',
      description: 'case i reads src/m<i>.py',
      system_prompt: 'You are a coding agent.\n\n{tools}',
      tools: [
        {
          name: 'read_file',
          description: 'Read a file',
          parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
        },
      ],
      cases: Array.from({ length: CASES }, (_, i) => ({
        id: `c${i}`,
        category: ['simple', 'multiple'][i % 2],
        prompt: `Show me src/m${i}.py`,
        expected_calls: [{ name: 'read_file', arguments: { path: { equals: `src/m${i}.py` } } }],
      })),
    }),
  );
  // About 4 KB a case, so the report is over 1 MB; every tenth case answers without a call.
  const reasoning = 'Let me look at the file first.\n'.repeat(130);
  await writeFile(
    outputs,
    JSON.stringify(
      Object.fromEntries(
        Array.from({ length: CASES }, (_, i) => [
          `c${i}`,
          i % 10 === 9
            ? `${reasoning}I cannot.`
            : `${reasoning}<tool_call>\n{"name": "read_file", "arguments": {"path": "src/m${i}.py"}}\n</tool_call>`,
        ]),
      ),
    ),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.TABEVAL_MAX_REPORT_MB;
});

interface CaseDigest {
  id: string;
  outputHash: string | null;
  messagesHash: string | null;
  passed: boolean;
}
const digests = (text: string) =>
  (JSON.parse(text) as { cases: CaseDigest[] }).cases.map(({ id, outputHash, messagesHash, passed }) => ({
    id,
    outputHash,
    messagesHash,
    passed,
  }));

describe('score --json → report, compare, rescore', () => {
  it('round-trips a report, one case per line, digests and verdicts unchanged by rescore', async () => {
    const scored = await tabeval(['score', '--suite', suite, '--outputs', outputs, '--json']);
    expect(scored.code, scored.stderr).toBe(0);
    expect(scored.stderr).toBe('');
    const report = join(dir, 'report.json');
    await writeFile(report, scored.stdout);
    expect(scored.stdout.length).toBeGreaterThan(1024 * 1024);
    // One line per case record: a report of 300 cases is a few hundred lines, not thousands.
    expect(scored.stdout.split('\n').length).toBeLessThan(2 * CASES + 200);

    const md = await tabeval(['report', report, '--md']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stderr).toBe('');
    expect(md.stdout).toContain('90.0');

    const compared = await tabeval(['compare', report, report]);
    expect(compared.code, compared.stderr).toBe(0);
    expect(compared.stdout).toContain('scale');

    const rescored = await tabeval(['rescore', report, '--json']);
    expect(rescored.code, rescored.stderr).toBe(0);
    expect(rescored.stderr).toBe('');
    expect(digests(rescored.stdout)).toEqual(digests(scored.stdout));
    const again = join(dir, 'rescored.json');
    await writeFile(again, rescored.stdout);
    const summary = await tabeval(['rescore', again]);
    expect(summary.code, summary.stderr).toBe(0);
    expect(summary.stdout).toContain('no case changed its verdict');
  }, 60_000);

  it('over a lowered cap, score warns the report will not be read back, and the readers refuse it saying what to do', async () => {
    process.env.TABEVAL_MAX_REPORT_MB = '1';
    const scored = await tabeval(['score', '--suite', suite, '--outputs', outputs, '--json']);
    expect(scored.code).toBe(0);
    expect(scored.stderr).toMatch(
      /warning: the report is 1\.\d MB, over the 1\.0 MB that tabeval report, compare and rescore read: score the outputs in parts/,
    );
    const report = join(dir, 'big.json');
    await writeFile(report, scored.stdout);
    for (const args of [
      ['report', report, '--md'],
      ['compare', report, report],
      ['rescore', report],
    ]) {
      const r = await tabeval(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `${report.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is too large: 1\\.\\d MB; report files over 1\\.0 MB are not read`,
        ),
      );
      expect(r.stderr).toContain('score the outputs in parts');
      expect(r.stderr).toContain('TABEVAL_MAX_REPORT_MB');
    }
  }, 60_000);

  it('a report over the CLI cap (256 MB) is refused before it is read', async () => {
    const big = join(dir, 'huge.json');
    await writeFile(big, '');
    await truncate(big, INPUT_CAPS.report + 1024 * 1024); // sparse: no disk used
    const r = await tabeval(['report', big, '--md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${big} is too large: 257.0 MB; report files over 256.0 MB are not read`);
  });

  it('TABEVAL_MAX_REPORT_MB must be a whole number of MB from 1 to 500', async () => {
    for (const value of ['0', '501', '1.5', 'lots']) {
      process.env.TABEVAL_MAX_REPORT_MB = value;
      const r = await tabeval(['report', join(dir, 'any.json'), '--md']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `TABEVAL_MAX_REPORT_MB must be a whole number of MB from 1 to 500, got "${value}"`,
      );
    }
  });
});

describe('the report cap', () => {
  it('is above the app’s, so what the CLI writes past 50 MB it reads', () => {
    expect(INPUT_CAPS.report).toBeGreaterThan(MAX_REPORT_CHARS);
    expect(inputCap('report', {})).toBe(INPUT_CAPS.report);
    expect(inputCap('report', { TABEVAL_MAX_REPORT_MB: '400' })).toBe(400 * 1024 * 1024);
    expect(inputCap('outputs', { TABEVAL_MAX_REPORT_MB: '400' })).toBe(INPUT_CAPS.outputs);
  });

  it('an injected cap: a file at it is read, one byte over is refused naming the file', async () => {
    const file = join(dir, 'capped.json');
    await writeFile(file, 'x'.repeat(4096));
    const caps = { ...INPUT_CAPS, report: 4096 };
    expect(await readInputText(file, 'report', caps)).toHaveLength(4096);
    await writeFile(file, 'x'.repeat(4097));
    await expect(readInputText(file, 'report', caps)).rejects.toThrow(
      `${file} is too large: 0.0 MB; report files over 0.0 MB are not read`,
    );
    expect(await readFile(file, 'utf8')).toHaveLength(4097);
  });
});
