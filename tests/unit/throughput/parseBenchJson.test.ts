import { describe, expect, it } from 'vitest';
import { parseBenchJson } from '../../../src/throughput/parseBenchJson.ts';
import { parseComparisonFile } from '../../../src/throughput/parseComparisonFile.ts';
import { renderBenchJson } from '../../../src/throughput/renderBenchJson.ts';
import { loadReportFixture } from '../ui/results/loadFixture.ts';
import { sampleResult } from './sampleResult.ts';

async function validObject(): Promise<Record<string, unknown>> {
  return JSON.parse(renderBenchJson(await sampleResult())) as Record<string, unknown>;
}

function issuesOf(text: string): string[] {
  const parsed = parseBenchJson(text);
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('parseBenchJson: the import schema', () => {
  it('rejects text that is not JSON', () => {
    expect(issuesOf('{"schema": "tabeval.bench/1",')[0]).toMatch(/^\(root\): invalid JSON/);
  });

  it('rejects JSON that is not an object, or of another schema', () => {
    expect(issuesOf('[1, 2]')).toEqual(['(root): expected a tabeval bench result (a JSON object)']);
    expect(issuesOf('{"schema": "tabeval.bench/9"}')[0]).toMatch(
      /^schema: unknown schema "tabeval\.bench\/9"/,
    );
    expect(issuesOf('{}')[0]).toMatch(/^schema: missing "schema"/);
  });

  it('rejects missing and mistyped fields, naming where', async () => {
    const bad = await validObject();
    delete bad['model'];
    (bad['settings'] as Record<string, unknown>)['repetitions'] = 'five';
    const tests = bad['tests'] as { samples: { tps: { measured: unknown } }[] }[];
    tests[0]!.samples[0]!.tps.measured = 'fast';
    bad['status'] = 'great';
    const issues = issuesOf(JSON.stringify(bad));
    expect(issues.some((i) => i.startsWith('model:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('settings.repetitions:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('tests[0].samples[0].tps.measured:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('status:'))).toBe(true);
  });

  it('rejects non-finite and negative counts, and flags of unknown kinds', async () => {
    const bad = await validObject();
    (bad['settings'] as Record<string, unknown>)['promptTokens'] = -5;
    bad['flags'] = [{ kind: 'made-up', test: null, value: null, message: 'x' }];
    const issues = issuesOf(JSON.stringify(bad));
    expect(issues.some((i) => i.startsWith('settings.promptTokens:'))).toBe(true);
    expect(issues.some((i) => i.startsWith('flags[0].kind:'))).toBe(true);
  });

  it('refuses files over 10 MB before parsing', () => {
    expect(issuesOf(' '.repeat(10 * 1024 * 1024 + 1))[0]).toMatch(/over 10 MB/);
  });

  it('accepts a saved result, keeping extra device facts', async () => {
    const good = await validObject();
    (good['device'] as Record<string, unknown>)['cores'] = 8;
    const parsed = parseBenchJson(JSON.stringify(good));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value.device?.['cores']).toBe(8);
  });
});

describe('parseComparisonFile', () => {
  it('tells bench results and eval reports apart and validates each', async () => {
    const bench = parseComparisonFile(renderBenchJson(await sampleResult()));
    expect(bench).toMatchObject({ ok: true, kind: 'bench' });
    const report = parseComparisonFile(JSON.stringify(loadReportFixture('rich.report.json')));
    expect(report).toMatchObject({ ok: true, kind: 'report' });
  });

  it('rejects broken files of either kind with located problems', async () => {
    const bench = await validObject();
    bench['tests'] = 'none';
    const broken = parseComparisonFile(JSON.stringify(bench));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.issues[0]?.path).toBe('tests');
    const notJson = parseComparisonFile('{"schema": "tabeval.report/1", ');
    expect(notJson.ok).toBe(false);
    if (!notJson.ok) expect(notJson.issues[0]?.message).toMatch(/invalid JSON at line 1/);
    const other = parseComparisonFile('{"schema": "something/1"}');
    expect(other.ok).toBe(false);
  });
});
