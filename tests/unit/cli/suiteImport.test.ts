// `tabeval suite import` on small hand-made HumanEval and MBPP files, plain and gzipped, through the
// built CLI.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync, strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSuiteJson } from '../../../src/core/suite/parseSuiteJson.ts';
import { HUMANEVAL_PROBLEMS, MBPP_PROBLEMS, toJsonl } from '../core/suite/import/importFixtures.ts';
import { BFCL_ANSWERS, BFCL_QUESTIONS, jsonLines } from '../core/suite/import/bfclFixtures.ts';
import { tabeval } from './runCli.ts';

let dir: string;
const at = (name: string) => join(dir, name);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tabeval-import-'));
  await writeFile(at('tiny.jsonl'), toJsonl(HUMANEVAL_PROBLEMS));
  // A gzipped file whose name does not say so: detected by its magic bytes.
  await writeFile(at('tiny-he.data'), gzipSync(strToU8(toJsonl(HUMANEVAL_PROBLEMS))));
  await writeFile(at('mbpp.jsonl.gz'), gzipSync(strToU8(toJsonl(MBPP_PROBLEMS))));
  await writeFile(at('BFCL_questions.json'), jsonLines(BFCL_QUESTIONS));
  await writeFile(at('BFCL_answers.json'), jsonLines(BFCL_ANSWERS));
  await writeFile(
    at('bad.jsonl'),
    `${JSON.stringify(HUMANEVAL_PROBLEMS[0])}\n{"task_id": "x", "prompt": 3}\n`,
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function suiteOf(text: string) {
  const result = parseSuiteJson(text);
  if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return result.value;
}

describe('tabeval suite import', () => {
  it('converts BFCL questions and possible answers (two files) and lists the notes per case', async () => {
    const r = await tabeval([
      'suite',
      'import',
      '--from',
      'bfcl',
      at('BFCL_questions.json'),
      at('BFCL_answers.json'),
      '-o',
      at('bfcl.json'),
    ]);
    expect(r.code).toBe(0);
    const suite = suiteOf(readFileSync(at('bfcl.json'), 'utf8'));
    expect(suite.cases.map((c) => c.category)).toEqual([
      'simple',
      'multiple',
      'parallel',
      'parallel_multiple',
      'irrelevance',
    ]);
    expect(suite.cases[1]?.tools).toEqual(['geometry.circle_area', 'weather.forecast']);
    expect(r.stderr).toMatch(
      /notes: what the suite format cannot express, by case:\n {2}line 2: multiple_0: /,
    );
    expect(r.stderr).toMatch(
      /Imported 5 BFCL problems from .*BFCL_questions\.json as suite bfcl-questions 1\.0\.0/,
    );
    // Detected without --from; without the answers file the non-irrelevance cases are named.
    const alone = await tabeval(['suite', 'import', at('BFCL_questions.json')]);
    expect(alone.code).toBe(1);
    expect(alone.stderr).toMatch(/line 1, id: simple_python_0 needs the possible-answers file/);
    const wrong = await tabeval(['suite', 'import', at('tiny.jsonl'), at('BFCL_answers.json')]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/only taken with BFCL questions/);
  });

  it('converts HumanEval JSONL to a valid suite on standard output, the summary on standard error', async () => {
    const r = await tabeval(['suite', 'import', '--from', 'humaneval', at('tiny.jsonl')]);
    expect(r.code).toBe(0);
    const suite = suiteOf(r.stdout);
    expect(suite.id).toBe('tiny');
    expect(suite.cases.map((c) => c.execution?.entry_point)).toEqual(['add', 'shout']);
    expect(r.stderr).toMatch(
      /^Imported 2 HumanEval problems from .*tiny\.jsonl as suite tiny 1\.0\.0; sha256 [0-9a-f]{64}\n$/,
    );
  });

  it('detects the format and gzip without being told, and writes -o FILE', async () => {
    const r = await tabeval(['suite', 'import', at('tiny-he.data'), '-o', at('he.json'), '--id', 'he']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Imported 2 HumanEval problems (gzip)');
    expect(suiteOf(readFileSync(at('he.json'), 'utf8')).id).toBe('he');

    const m = await tabeval(['suite', 'import', at('mbpp.jsonl.gz'), '-o', '-', '--category', 'basic']);
    expect(m.code).toBe(0);
    const suite = suiteOf(m.stdout);
    expect(suite.id).toBe('mbpp');
    expect(suite.cases.map((c) => [c.id, c.category, c.execution?.setup])).toEqual([
      ['mbpp/1', 'basic', undefined],
      ['mbpp/2', 'basic', 'from collections import deque'],
    ]);
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    await writeFile(at('taken.json'), 'keep me');
    const refused = await tabeval(['suite', 'import', at('tiny.jsonl'), '-o', at('taken.json')]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('taken.json exists; give --force to overwrite it');
    expect(readFileSync(at('taken.json'), 'utf8')).toBe('keep me');
    const forced = await tabeval(['suite', 'import', at('tiny.jsonl'), '-o', at('taken.json'), '--force']);
    expect(forced.code).toBe(0);
    expect(suiteOf(readFileSync(at('taken.json'), 'utf8')).cases).toHaveLength(2);
  });

  it('lists every bad line by number and field, writes nothing and exits 1', async () => {
    const r = await tabeval(['suite', 'import', at('bad.jsonl'), '-o', at('bad-out.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot import as HumanEval JSONL, 3 problems:');
    expect(r.stderr).toContain('  line 2, prompt: expected the prompt code (a string), got the number 3');
    expect(r.stderr).toContain("  line 2, entry_point: missing required field 'entry_point'");
    expect(existsSync(at('bad-out.json'))).toBe(false);
  });

  it('says what the file looks like when --from names the other format', async () => {
    const r = await tabeval(['suite', 'import', '--from', 'mbpp', at('tiny.jsonl')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("line 1, test_list: missing required field 'test_list'");
    expect(r.stderr).toContain('looks like HumanEval JSONL: try --from humaneval');
  });

  it('reads standard input with "-" and rejects bad usage with exit 2', async () => {
    const r = await tabeval(['suite', 'import', '-'], toJsonl(MBPP_PROBLEMS));
    expect(r.code).toBe(0);
    expect(suiteOf(r.stdout).id).toBe('mbpp');
    for (const args of [
      ['suite', 'import'],
      ['suite', 'import', '--from', 'apps', at('tiny.jsonl')],
      ['suite', 'import', at('missing.jsonl')],
      ['suite', 'import', 'suites/punie-baseline.json'],
      ['suite', 'import', '--frm', 'mbpp', at('tiny.jsonl')],
    ]) {
      const bad = await tabeval(args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
