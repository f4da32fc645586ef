// Arbitrary input never makes an importer throw: it always ends in a suite or in issues, and every
// issue is located (`line N…` or `(file)`) and says something.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSuiteBytes } from '../../../../../src/core/suite/import/decodeSuiteBytes.ts';
import { importHumanEval } from '../../../../../src/core/suite/import/importHumanEval.ts';
import { importMbpp } from '../../../../../src/core/suite/import/importMbpp.ts';
import { readSuiteText } from '../../../../../src/core/suite/import/readSuiteText.ts';
import type { ImportResult } from '../../../../../src/core/suite/import/types.ts';
import { HUMANEVAL_PROBLEMS, MBPP_PROBLEMS } from './importFixtures.ts';

function wellFormed(result: ImportResult): boolean {
  if (result.ok) return result.value.cases.length > 0;
  return (
    result.issues.length > 0 &&
    result.issues.every((i) => /^(?:line \d+(?:, .+)?|\(file\))$/.test(i.path)) &&
    result.issues.every((i) => i.message.length > 0)
  );
}

/** Lines that look like problems of either format, with fields dropped, retyped or added. */
const problemLike = fc
  .tuple(
    fc.constantFrom<Record<string, unknown>>(...HUMANEVAL_PROBLEMS, ...MBPP_PROBLEMS),
    fc.dictionary(
      fc.constantFrom(
        'task_id',
        'prompt',
        'test',
        'entry_point',
        'text',
        'test_list',
        'test_setup_code',
        'x',
      ),
      fc.jsonValue({ maxDepth: 2 }),
      { maxKeys: 3 },
    ),
    fc.subarray(['task_id', 'prompt', 'test', 'entry_point', 'text', 'test_list']),
  )
  .map(([base, changes, dropped]) => {
    const record: Record<string, unknown> = { ...base, ...changes };
    for (const key of dropped) delete record[key];
    return JSON.stringify(record);
  });

const jsonlText = fc
  .array(fc.oneof(problemLike, fc.string(), fc.json(), fc.constant('')), { maxLength: 8 })
  .map((lines) => lines.join('\n'));

describe('importers on arbitrary input', () => {
  it('never throw and always return a suite or located issues', () => {
    fc.assert(
      fc.property(fc.oneof(jsonlText, fc.string({ unit: 'binary' })), (text) => {
        expect(wellFormed(importHumanEval(text))).toBe(true);
        expect(wellFormed(importMbpp(text))).toBe(true);
        const read = readSuiteText(text);
        expect(read.ok ? read.suite.cases.length > 0 : read.issues.length > 0).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('decode any bytes to text or a message', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, gzipMagic) => {
        const input = gzipMagic ? new Uint8Array([0x1f, 0x8b, ...bytes]) : bytes;
        const decoded = decodeSuiteBytes(input);
        expect(decoded.ok ? typeof decoded.text : decoded.message.length > 0).toBeTruthy();
      }),
    );
  });
});
