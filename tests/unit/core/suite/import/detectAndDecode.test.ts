import { readFileSync } from 'node:fs';
import { gzipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeSuiteBytes, isGzip } from '../../../../../src/core/suite/import/decodeSuiteBytes.ts';
import { detectSuiteFormat } from '../../../../../src/core/suite/import/detectSuiteFormat.ts';
import { readSuiteText } from '../../../../../src/core/suite/import/readSuiteText.ts';
import { HUMANEVAL_PROBLEMS, MBPP_PROBLEMS, toJsonl } from './importFixtures.ts';

const bundled = readFileSync(new URL('../../../../../suites/punie-baseline.json', import.meta.url), 'utf8');

describe('detectSuiteFormat', () => {
  it.each([
    ['a bundled suite (pretty-printed)', bundled, 'tabeval'],
    ['a suite on one line', JSON.stringify(JSON.parse(bundled)), 'tabeval'],
    ['an invalid suite object', '{\n  "id": 5\n}', 'tabeval'],
    ['HumanEval JSONL', toJsonl(HUMANEVAL_PROBLEMS), 'humaneval'],
    ['HumanEval after blank lines and a BOM', `\uFEFF\n\n${toJsonl(HUMANEVAL_PROBLEMS)}`, 'humaneval'],
    ['MBPP JSONL', toJsonl(MBPP_PROBLEMS), 'mbpp'],
    ['plain text', 'hello\nworld', undefined],
    ['a JSON array', '[1, 2]', undefined],
    ['an object of neither format', '{"task_id": 1}\n', undefined],
    ['nothing', '', undefined],
  ])('%s', (_name, text, format) => {
    expect(detectSuiteFormat(text)).toBe(format);
  });
});

describe('readSuiteText', () => {
  it('validates, imports, or says which formats it knows', () => {
    expect(readSuiteText(bundled)).toMatchObject({ ok: true, format: 'tabeval' });
    expect(readSuiteText(toJsonl(MBPP_PROBLEMS))).toMatchObject({ ok: true, format: 'mbpp' });
    const unknown = readSuiteText('hello');
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.issues[0]?.message).toMatch(/HumanEval JSONL.*MBPP JSONL/);
  });

  it('takes a forced format even when detection would say otherwise', () => {
    const result = readSuiteText(toJsonl(MBPP_PROBLEMS), {}, 'humaneval');
    expect(result).toMatchObject({ ok: false, format: 'humaneval' });
    expect(!result.ok && result.issues[0]).toEqual({
      path: 'line 1, prompt',
      message: "missing required field 'prompt'",
    });
  });
});

describe('decodeSuiteBytes', () => {
  const text = toJsonl(HUMANEVAL_PROBLEMS);

  it('passes plain UTF-8 through and drops a BOM', () => {
    expect(decodeSuiteBytes(strToU8(`\uFEFF${text}`))).toEqual({ ok: true, text, gzipped: false });
  });

  it('gunzips by the magic bytes, whatever the name', () => {
    const gz = gzipSync(strToU8(text));
    expect(isGzip(gz)).toBe(true);
    expect(decodeSuiteBytes(gz)).toEqual({ ok: true, text, gzipped: true });
  });

  it('refuses a gzip file that expands past the limit, a broken one, and bytes that are not UTF-8', () => {
    const bomb = gzipSync(new Uint8Array(2 * 1024 * 1024));
    expect(decodeSuiteBytes(bomb, 1024 * 1024)).toEqual({
      ok: false,
      message: 'expands to more than 1 MB; suites are not that large',
    });
    const broken = gzipSync(strToU8(text)).slice(0, 20);
    expect(decodeSuiteBytes(broken)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^is not a valid gzip file/),
    });
    expect(decodeSuiteBytes(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({
      ok: false,
      message: 'is not UTF-8 text: invalid byte 0xff at byte offset 1',
    });
  });
});
