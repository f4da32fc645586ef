import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readComparisonFile } from '../../../../src/ui/throughput/readComparisonFile.ts';
import { sampleResult } from '../../throughput/sampleResult.ts';

const rich = readFileSync(new URL('../../../fixtures/reports/rich.report.json', import.meta.url), 'utf8');

describe('a file for the devices comparison', () => {
  it('reads a bench result as it is', async () => {
    const bench = await sampleResult();
    const read = await readComparisonFile(new File([JSON.stringify(bench)], 'b.json'));
    expect(read).toEqual({ ok: true, kind: 'bench', value: JSON.parse(JSON.stringify(bench)) });
  });

  it('summarises a report to its facts, recomputing what its cases contradict', async () => {
    const read = await readComparisonFile(new File([rich], 'r.json'));
    expect(read).toMatchObject({
      ok: true,
      kind: 'report',
      facts: { device: 'apple metal-3', quality: 0.8125, decodeTps: 29.1 },
      discrepancies: [],
    });
    const edited = JSON.parse(rich) as { summary: { overall: number } };
    edited.summary.overall = 1;
    const read2 = await readComparisonFile(new File([JSON.stringify(edited)], 'e.json'));
    expect(read2.ok && read2.kind === 'report' && read2.facts.quality).toBe(0.8125);
    expect(read2.ok && read2.kind === 'report' && read2.discrepancies.join('\n')).toMatch(/summary\.overall/);
  });

  it('says why a file cannot be used: invalid UTF-8, or neither format', async () => {
    const bad = await readComparisonFile(new File([new Uint8Array([0x7b, 0xff])], 'x.json'));
    expect(bad).toEqual({
      ok: false,
      text: expect.stringMatching(/not UTF-8 text: invalid byte 0xff at byte offset 1/),
    });
    const other = await readComparisonFile(new File(['{"schema": "something/1"}'], 'o.json'));
    expect(other).toEqual({
      ok: false,
      text: expect.stringMatching(/^not a bench result or eval report — /),
    });
  });
});
