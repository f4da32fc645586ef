// fast-check arbitraries of valid results summaries (not a test file itself).
import fc from 'fast-check';
import type { ResultsSummary } from '../../../../src/core/link/resultsSummary.ts';

const text = (max: number) => fc.string({ unit: 'grapheme', maxLength: max }).filter((s) => s.length <= max);
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const count = fc.nat({ max: 1_000_000 });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
// Intervals of fractions, low ≤ high (a link refuses anything else).
const interval = fc
  .record({ a: unit, b: unit, method: text(40) })
  .map(({ a, b, method }) => ({ low: Math.min(a, b), high: Math.max(a, b), method }));
const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const categoryName = text(100).filter((name) => !['__proto__', 'prototype', 'constructor'].includes(name));
const speed = maybe(fc.double({ min: 0, max: 1e7, noNaN: true }));

export const summaryArbitrary: fc.Arbitrary<ResultsSummary> = fc
  .record({
    createdAt: text(64),
    source: fc.constantFrom('webllm' as const, 'outputs' as const, 'replay' as const),
    suite: fc.record({ id: text(200), version: text(100), hash: hex(64) }),
    model: maybe(fc.record({ id: text(200) })),
    promptTemplateHash: maybe(hex(64)),
    params: maybe(
      fc.record({
        temperature: maybe(fc.double({ min: 0, max: 2, noNaN: true })),
        top_p: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
        max_tokens: maybe(fc.integer({ min: 1, max: 131072 })),
        seed: maybe(fc.maxSafeInteger().chain((n) => fc.constantFrom(n, -n, 7))),
        tool_call_mode: maybe(fc.constantFrom('prompt' as const, 'constrained' as const)),
      }),
    ),
    device: maybe(
      fc.record({
        vendor: text(200),
        architecture: text(200),
        isFallbackAdapter: maybe(fc.boolean()),
        label: text(200),
      }),
    ),
    overall: unit,
    overallInterval: interval,
    macro: unit,
    passRate: unit,
    passRateInterval: interval,
    successRate: unit,
    n: count,
    categories: fc.uniqueArray(
      fc
        .record({ name: categoryName, mean: unit, n: count, passed: count, meanInterval: interval })
        .map((c) => ({ ...c, passed: Math.min(c.passed, c.n) })),
      { maxLength: 12, selector: (c) => c.name },
    ),
    speed: fc.record({ decodeTps: speed, prefillTps: speed, ttftMs: speed, loadMs: speed }),
    cases: fc.array(
      fc
        .record({ passed: maybe(fc.boolean()), output: maybe(hex(8)) })
        .map((c) => (c.passed === null ? { passed: null, output: null } : c)),
      { maxLength: 70 },
    ),
  })
  .map(({ suite, cases, n, ...rest }) => ({
    ...rest,
    n: Math.min(n, cases.length),
    suite: { ...suite, caseCount: cases.length },
    cases,
  }));
