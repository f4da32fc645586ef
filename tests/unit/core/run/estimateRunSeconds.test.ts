import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { estimateRunSeconds } from '../../../../src/core/run/estimateRunSeconds.ts';
import { caseRequest } from '../../../../src/core/run/caseRequest.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';

const suite = JSON.parse(
  readFileSync(new URL('../../../../suites/punie-baseline.json', import.meta.url), 'utf8'),
) as Suite;

describe('estimateRunSeconds', () => {
  it('adds every case: its prompt at the prefill speed and max_tokens at the decode speed', () => {
    const params = { ...DEFAULT_PARAMS, max_tokens: 100 };
    const promptChars = suite.cases
      .map((c) => caseRequest(suite, c, params, 0).messages.reduce((n, m) => n + m.content.length, 0))
      .reduce((a, b) => a + b, 0);
    const seconds = estimateRunSeconds(suite, params, { prefillTps: 1000, decodeTps: 10 });
    expect(seconds).toBeCloseTo(promptChars / 4 / 1000 + suite.cases.length * 10, 6);
  });

  it('scales with samples and with slower decoding', () => {
    const one = estimateRunSeconds(suite, DEFAULT_PARAMS, { prefillTps: 500, decodeTps: 20 }) ?? 0;
    const three = estimateRunSeconds(
      suite,
      { ...DEFAULT_PARAMS, samples: 3 },
      { prefillTps: 500, decodeTps: 20 },
    );
    expect(three).toBeCloseTo(one * 3, 6);
    const slow = estimateRunSeconds(suite, DEFAULT_PARAMS, { prefillTps: 500, decodeTps: 10 }) ?? 0;
    expect(slow).toBeGreaterThan(one);
  });

  it('gives no figure for a speed that is not a positive finite number', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant(0),
          fc.constant(Number.NaN),
          fc.constant(Number.POSITIVE_INFINITY),
          fc.double({ max: 0 }),
        ),
        fc.double({ min: 0.1, max: 1e4, noNaN: true }),
        (bad, good) => {
          expect(estimateRunSeconds(suite, DEFAULT_PARAMS, { prefillTps: bad, decodeTps: good })).toBeNull();
          expect(estimateRunSeconds(suite, DEFAULT_PARAMS, { prefillTps: good, decodeTps: bad })).toBeNull();
        },
      ),
    );
  });
});
