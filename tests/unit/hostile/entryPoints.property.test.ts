// Issue 16: every untrusted entry point (suite, report, outputs, both link kinds, parser, suite
// regexes) takes any input without throwing, hanging or recursing past its cap, and answers with
// a value or a located message. Bounded here; `npm run fuzz` runs the same properties 100 times
// longer (TABEVAL_FUZZ_SCALE).
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toRecordedOutputs } from '../../../src/cli/commands/score.ts';
import { UsageError } from '../../../src/cli/usageError.ts';
import { decodeRunLink } from '../../../src/core/link/decodeRunLink.ts';
import { decodeResultsPayload, findResultsPayloads } from '../../../src/core/link/resultsLink.ts';
import { parseToolCalls } from '../../../src/core/parser/index.ts';
import { parseReportJson } from '../../../src/core/report/parseReportJson.ts';
import { verifyReport } from '../../../src/core/report/verifyReport.ts';
import { parseSuiteJson } from '../../../src/core/suite/parseSuiteJson.ts';
import { compileSuiteRegex } from '../../../src/core/suite/suiteRegex.ts';
import { importBfcl } from '../../../src/core/suite/import/importBfcl.ts';
import { validateSuite } from '../../../src/core/suite/validateSuite.ts';
import { BFCL_ANSWERS, BFCL_QUESTIONS } from '../core/suite/import/bfclFixtures.ts';

const SCALE = Math.max(1, Number(process.env['TABEVAL_FUZZ_SCALE'] ?? 1));
const runs = (n: number) => ({ numRuns: Math.round(n * SCALE) });

const SUITE = JSON.parse(readFileSync('suites/punie-baseline.json', 'utf8')) as unknown;
const REPORT = JSON.parse(readFileSync('tests/fixtures/reports/punie-30b.report.json', 'utf8')) as unknown;
const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype);

/** Hostile leaves: prototype names, huge and odd numbers, deep nesting, catastrophic patterns. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(...PROTOTYPE_NAMES),
  fc.constantFrom(1e308, -5, -0, 0.5, 2 ** 53 + 1, 1e-320),
  fc.constantFrom('^(a+)+$', '(a|aa)+$', '(a)\\1', '(?=x)', 'a{99999}', '['),
  fc.nat({ max: 300 }).map((levels) => {
    let deep: unknown = 1;
    for (let i = 0; i < levels; i++) deep = i % 2 === 0 ? [deep] : { a: deep };
    return deep;
  }),
  fc.constantFrom(...PROTOTYPE_NAMES).map((name) => JSON.parse(`{"${name}": 1}`) as unknown),
);

/** Every path of a JSON tree, found without recursion. */
function pathsOf(root: unknown): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: root, path: [] }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    out.push(item.path);
    if (typeof item.value !== 'object' || item.value === null) continue;
    const entries = Array.isArray(item.value)
      ? item.value.map((v, i) => [i, v] as const)
      : Object.entries(item.value);
    for (const [key, child] of entries) stack.push({ value: child, path: [...item.path, key] });
  }
  return out;
}

/** `base` with a few values replaced by hostile ones (a copy; `base` is untouched). */
function mutated(base: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(base);
  return fc
    .array(fc.tuple(fc.nat({ max: paths.length - 1 }), hostileValue), { minLength: 1, maxLength: 4 })
    .map((edits) => {
      const copy = structuredClone(base) as Record<string | number, unknown>;
      for (const [index, value] of edits) {
        const path = paths[index]!;
        if (path.length === 0) return value;
        let parent: unknown = copy;
        for (const key of path.slice(0, -1)) {
          parent =
            typeof parent === 'object' && parent !== null
              ? (parent as Record<string | number, unknown>)[key]
              : undefined;
        }
        if (typeof parent === 'object' && parent !== null) {
          Object.defineProperty(parent, path.at(-1)!, {
            value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      return copy;
    });
}

function expectLocated(issues: readonly { path: string; message: string }[]): void {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message).not.toMatch(/RangeError|Maximum call stack|is not a function|undefined \(reading/);
  }
}

describe('untrusted entry points never throw', () => {
  it('suite files: a valid suite or every problem located', () => {
    fc.assert(
      fc.property(mutated(SUITE), (suite) => {
        const result = parseSuiteJson(JSON.stringify(suite) ?? 'null');
        if (!result.ok) expectLocated(result.issues);
      }),
      runs(150),
    );
  });

  it('BFCL questions and answers: a valid suite with notes, or every problem located', () => {
    const lines = (records: unknown) =>
      (Array.isArray(records) ? records : [records]).map((r) => JSON.stringify(r) ?? 'null').join('\n');
    fc.assert(
      fc.property(mutated(BFCL_QUESTIONS), mutated(BFCL_ANSWERS), (questions, answers) => {
        const result = importBfcl(lines(questions), lines(answers));
        if (result.ok) expect(validateSuite(result.value).ok).toBe(true);
        else expectLocated(result.issues);
      }),
      runs(150),
    );
  });

  it('report files: a valid report whose derived values verify, or every problem located', async () => {
    await fc.assert(
      fc.asyncProperty(mutated(REPORT), async (report) => {
        const result = parseReportJson(JSON.stringify(report) ?? 'null');
        if (!result.ok) {
          expectLocated(result.issues);
          return;
        }
        const verified = await verifyReport(result.value);
        for (const d of verified.discrepancies) expect(d.message.length).toBeGreaterThan(0);
        expect(verified.report.summary.n).toBeGreaterThanOrEqual(0);
      }),
      runs(100),
    );
  });

  it('outputs files: outputs by case id, or a UsageError naming the file', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          hostileValue,
          fc.dictionary(fc.oneof(fc.string(), fc.constantFrom(...PROTOTYPE_NAMES)), hostileValue),
        ),
        (value) => {
          try {
            const outputs = toRecordedOutputs(value, 'o.json');
            for (const [id, samples] of outputs) {
              expect(typeof id).toBe('string');
              expect(samples.length).toBeGreaterThan(0);
            }
          } catch (error) {
            expect(error).toBeInstanceOf(UsageError);
            expect((error as Error).message).toMatch(/^o\.json/);
          }
        },
      ),
      runs(300),
    );
  });

  it('suite regexes: compile or say why; a compiled one answers on any text', () => {
    const pattern = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc
        .array(
          fc.constantFrom(
            '(',
            ')',
            'a',
            '+',
            '*',
            '?',
            '|',
            '\\',
            '1',
            '[',
            ']',
            '{',
            '}',
            '^',
            '$',
            '.',
            'k',
            '<',
            '=',
            '!',
          ),
          { maxLength: 30 },
        )
        .map((p) => p.join('')),
    );
    fc.assert(
      fc.property(pattern, fc.string({ maxLength: 200 }), (source, text) => {
        const compiled = compileSuiteRegex(source);
        if (compiled.ok) expect(typeof compiled.regex.test(text)).toBe('boolean');
        else expect(compiled.error.length).toBeGreaterThan(0);
      }),
      runs(500),
    );
  });

  it('run links and results links: a value or a reason', () => {
    const catalog = new Set<string>();
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl({ withFragments: true })),
        (text) => {
          const run = decodeRunLink(text, catalog);
          if (!run.ok) expect(run.error.length).toBeGreaterThan(0);
          const results = decodeResultsPayload(text);
          if (!results.ok) expect(results.error.length).toBeGreaterThan(0);
          expect(Array.isArray(findResultsPayloads(text))).toBe(true);
        },
      ),
      runs(500),
    );
  });

  it('the parser: calls and near misses inside the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const parsed = parseToolCalls(text);
        for (const call of [...parsed.calls, ...parsed.nearMisses]) {
          expect(call.start).toBeGreaterThanOrEqual(0);
          expect(call.end).toBeLessThanOrEqual(text.length);
        }
      }),
      runs(300),
    );
  });
});
