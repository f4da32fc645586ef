import { beforeAll, describe, expect, it } from 'vitest';
import { compareReports } from '../../../../src/core/compare/compareReports.ts';
import { renderMarkdownComparison } from '../../../../src/core/compare/renderMarkdownComparison.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import { copy, loadReport, punieReport } from '../report/fixtures.ts';

let small: Report; // Qwen2.5-Coder-1.5B outputs
let large: Report; // Qwen3-30B outputs
beforeAll(async () => {
  small = await punieReport('1.5b');
  large = await punieReport('30b');
});

// By hand from tests/fixtures/outputs: both models get tool-01 and tool-02 to 0.75 (missing
// keywords "127.0.0.1" and "Hello World"; the 1.5B and 30B outputs for them are identical) and
// pass tool-03, code-01, reason-01. The 1.5B passes code-02 ("recursive" factorial) and reason-02
// ("O(log n)", "binary search", "complexity"); the 30B writes an iterative factorial (0.75) and
// "logarithmic time" (0). So, with the 1.5B as baseline: pass → fail = code-02, reason-02; no
// fail → pass; McNemar b = 2, c = 0: p = 2 · (1/2)² = 0.5; paired mean = (−0.25 − 1) / 7.

describe('compareReports on the two Punie runs (1.5B baseline vs 30B)', () => {
  it('gives the stored figures with their differences from the baseline', () => {
    const { runs, categories, baseline } = compareReports([small, large]);
    expect(baseline).toBe(0);
    expect(categories).toEqual(['tool_calling', 'code_generation', 'reasoning']);
    const [base, run] = runs;
    expect(base!.isBaseline).toBe(true);
    expect(base!.overall.value).toBeCloseTo(6.5 / 7, 12);
    expect(base!.overall.delta).toBeNull();
    expect(run!.overall.value).toBeCloseTo(5.25 / 7, 12);
    expect(run!.overall.delta).toBeCloseTo(-1.25 / 7, 12);
    expect(run!.macro.delta).toBeCloseTo((0.875 + 0.5 + 5 / 6) / 3 - (1 + 1 + 5 / 6) / 3, 12);
    expect(run!.passRate.delta).toBeCloseTo(3 / 7 - 5 / 7, 12);
    expect(run!.successRate.delta).toBe(0);
    expect(run!.categories.get('tool_calling')!.delta).toBe(0);
    expect(run!.categories.get('code_generation')!.delta).toBeCloseTo(-0.125, 12);
    expect(run!.categories.get('reasoning')!).toMatchObject({ value: 0.5, passed: 1, n: 2 });
    expect(run!.categories.get('reasoning')!.delta).toBeCloseTo(-0.5, 12);
  });

  it('pairs the cases of the same suite: flips, McNemar p and the mean difference', () => {
    const paired = compareReports([small, large]).runs[1]!.paired;
    expect(paired).toMatchObject({
      comparable: true,
      paired: 7,
      passToFail: ['code-02', 'reason-02'],
      failToPass: [],
      onlyInBaseline: [],
      onlyInRun: [],
    });
    if (!paired?.comparable) throw new Error('expected a paired comparison');
    expect(paired.pValue).toBeCloseTo(0.5, 12);
    expect(paired.difference.mean).toBeCloseTo(-1.25 / 7, 12);
    expect(paired.difference.n).toBe(7);
    expect(paired.difference.interval.low).toBeLessThanOrEqual(paired.difference.mean);
    expect(paired.difference.interval.high).toBeGreaterThanOrEqual(paired.difference.mean);
  });

  it('with the 30B as baseline the flips turn round', () => {
    const { runs } = compareReports([small, large], 1);
    expect(runs[1]!.isBaseline).toBe(true);
    expect(runs[0]!.overall.delta).toBeCloseTo(1.25 / 7, 12);
    expect(runs[0]!.paired).toMatchObject({ passToFail: [], failToPass: ['code-02', 'reason-02'] });
  });

  it('does not look for output drift when the model is not recorded', () => {
    expect(compareReports([small, large]).runs[1]!.drift).toEqual({
      comparable: false,
      why: 'the model is not recorded',
    });
  });

  it('renders the comparison as Markdown with the deltas and the flipped cases', () => {
    const md = renderMarkdownComparison([small, large]);
    expect(md).toContain('| | Run 1 (baseline) | Run 2 |');
    expect(md).toMatch(
      /\| \*\*Overall\*\* \(the suite's headline, 95 % CI\) \| 92\.9 % \[[^|]+\] \(Punie score\) \| 75\.0 % \[[^|]+\] \(−17\.9 pt\) \(Punie score\) \|/u,
    );
    expect(md).toContain('| Macro (mean over categories) | 94.4 % | 73.6 % (−20.8 pt) |');
    expect(md).toContain('| category reasoning | 100.0 %, 2/2 passed | 50.0 % (−50.0 pt), 1/2 passed |');
    expect(md).toMatch(
      /\| Paired vs baseline[^|]*\| – \| −17\.9 pt \[[^\]]+ pt\], McNemar p = 0\.500, 7 paired cases \|/u,
    );
    expect(md).toContain('| Pass → fail | – | 2 |');
    expect(md).toContain('| Fail → pass | – | 0 |');
    expect(md).toContain('- pass → fail (2): code-02, reason-02');
    expect(md).toContain('- fail → pass (0): none');
  });
});

describe('compareReports across devices and suites', () => {
  const rich = loadReport('rich');

  function onAnotherDevice(): Report {
    const other = copy(rich);
    other.device = {
      label: null,
      browserVersion: null,
      adapter: {
        vendor: 'nvidia',
        architecture: 'ada',
        description: '',
        device: '',
        isFallbackAdapter: false,
      },
    };
    other.cases[0]!.outputHash = 'f'.repeat(64);
    other.cases[5]!.outputHash = 'e'.repeat(64);
    for (const c of other.cases)
      if (c.usage) c.usage.measured.decodeTps = (c.usage.measured.decodeTps ?? 0) * 2;
    return other;
  }

  it('finds output drift: same model, suite and parameters, different outputs', () => {
    const run = compareReports([rich, onAnotherDevice()]).runs[1]!;
    expect(run.device).toBe('nvidia ada');
    // 11 cases have an output; the engine-error case has none.
    expect(run.drift).toEqual({ comparable: true, compared: 11, cases: ['call-read', 'code-prime'] });
    const md = renderMarkdownComparison([rich, onAnotherDevice()]);
    expect(md).toContain('| Output drift | – | 2 of 11 outputs differ |');
    expect(md).toContain(
      '- output drift (same model, suite and parameters; different output): call-read, code-prime',
    );
  });

  it('compares speeds as medians over cases, with the relative change', () => {
    const [base, run] = compareReports([rich, onAnotherDevice()]).runs;
    // Measured decode tok/s of the 11 cases with usage: the median is 29.1.
    expect(base!.speed.decodeTps).toEqual({ value: 29.1, n: 11, change: null });
    expect(run!.speed.decodeTps.value).toBeCloseTo(58.2, 10);
    expect(run!.speed.decodeTps.change).toBeCloseTo(1, 10);
    expect(base!.speed.prefillTps.value).toBe(900);
    expect(base!.speed.ttftMs.value).toBe(313);
    expect(run!.speed.loadMs).toEqual({ value: 8123, n: 0, change: 0 });
    expect(renderMarkdownComparison([rich, onAnotherDevice()])).toContain(
      '| Decode tok/s (median) | 29.1 tok/s | 58.2 tok/s (+100.0 %) |',
    );
  });

  it('says why drift cannot be judged: other parameters, other model', () => {
    const hotter = onAnotherDevice();
    hotter.params = { ...hotter.params, temperature: 0.7 };
    expect(compareReports([rich, hotter]).runs[1]!.drift).toEqual({
      comparable: false,
      why: 'different parameters',
    });
    const other = onAnotherDevice();
    if (other.source.kind !== 'webllm') throw new Error('rich is a WebLLM report');
    other.source = { ...other.source, model: { ...other.source.model, id: 'another-model' } };
    expect(compareReports([rich, other]).runs[1]!.drift).toEqual({
      comparable: false,
      why: 'a different model',
    });
  });

  it('does not pair runs of different suites, and lines up their categories', () => {
    const comparison = compareReports([rich, loadReport('punie-30b')]);
    expect(comparison.categories).toEqual(['tool_calling', 'code_generation', 'reasoning', 'multi_turn']);
    const run = comparison.runs[1]!;
    expect(run.paired).toEqual({
      comparable: false,
      why: 'a different suite (its hash differs from the baseline’s)',
    });
    expect(run.categories.get('multi_turn')).toBeNull();
    expect(run.speed.decodeTps).toEqual({ value: null, n: 0, change: null });
  });

  it('an empty list is an empty comparison; a baseline outside the list is a caller bug', () => {
    expect(compareReports([])).toEqual({ baseline: 0, categories: [], runs: [] });
    expect(() => compareReports([rich], 1)).toThrow(RangeError);
    expect(() => compareReports([rich], -1)).toThrow(RangeError);
    expect(() => compareReports([rich], 0.5)).toThrow(RangeError);
  });
});
