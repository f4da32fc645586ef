import { describe, expect, it } from 'vitest';
import { benchRows, formatSize, formatTpsStats } from '../../../src/throughput/benchRows.ts';
import { parseBenchJson } from '../../../src/throughput/parseBenchJson.ts';
import { renderBenchCsv } from '../../../src/throughput/renderBenchCsv.ts';
import { renderBenchJson } from '../../../src/throughput/renderBenchJson.ts';
import { renderBenchMarkdown } from '../../../src/throughput/renderBenchMarkdown.ts';
import { sampleResult } from './sampleResult.ts';

describe('bench renderers', () => {
  it('rows: one per test, with model, size, quantization, ours and WebLLM’s t/s, TTFT and flags', async () => {
    const result = await sampleResult({ throttled: true });
    const rows = benchRows([result]);
    expect(rows.map((r) => r.test)).toEqual(['pp512', 'tg128']);
    expect(rows[1]).toMatchObject({
      device: 'M2 Air, battery',
      model: 'Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC',
      quantization: 'q4f16_1',
      paramsLabel: '0.5B',
      ttftMs: 20,
    });
    expect(rows[1]?.flags.map((f) => f.kind)).toEqual(['spread']);
    expect(formatTpsStats(rows[1]?.measured ?? null)).toBe('50.00 ± 10.00');
    expect(formatSize(275625000, true)).toBe('~276 MB');
  });

  it('Markdown: a llama-bench-like table, then the flags in words', async () => {
    const md = renderBenchMarkdown([await sampleResult({ throttled: true })]);
    const lines = md.split('\n');
    expect(lines[0]).toBe(
      '| device | model | size | params | quant | test | t/s (ours) | t/s (WebLLM) | TTFT | flags |',
    );
    expect(lines[1]).toMatch(/^\| --- \| --- \| ---: /);
    expect(lines[2]).toBe(
      '| M2 Air, battery | Qwen2.5-Coder-0.5B-Instruct-q4f16\\_1-MLC | ~276 MB | 0.5B | q4f16\\_1 | pp512 | 1000.00 ± 10.00 | 1000.00 ± 0.00 | 517 ms |  |',
    );
    expect(lines[3]).toContain('| tg128 | 50.00 ± 10.00 | 50.00 ± 10.00 | 20 ms | spread |');
    expect(md).toContain('**Flags**');
    expect(md).toMatch(/tg128: spread: repetitions spread by 40\.0 %/);
  });

  it('Markdown: text from a result cannot inject markup or break the table', async () => {
    const result = await sampleResult({
      model: { id: 'evil|<img src=x onerror=alert(1)>[link](http://x)' },
      device: { label: 'a\n| b', browserVersion: null },
    });
    const md = renderBenchMarkdown([result]);
    const row = md.split('\n')[2] ?? '';
    expect(row.split(/(?<!\\)\|/)).toHaveLength(12); // 10 cells, nothing added
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('\\<img');
    expect(md).toContain('\\[link\\]');
  });

  it('CSV: a header and one row per test, full-precision numbers, formulas neutralised', async () => {
    const result = await sampleResult({
      device: { label: '=HYPERLINK("x")', browserVersion: 'Firefox 133.0' },
    });
    const csv = renderBenchCsv([result]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'device,browser,model,size_bytes,params,quantization,test,repetitions,tps_mean,tps_sd,tps_median,webllm_tps_mean,webllm_tps_sd,webllm_tps_median,ttft_ms_median,prompt_tokens,completion_tokens,flags,engine,status,created_at',
    );
    expect(lines).toHaveLength(4); // header, pp, tg, final empty
    expect(
      lines[1]?.startsWith(
        `"'=HYPERLINK(""x"")",Firefox 133.0,Qwen2.5-Coder-0.5B-Instruct-q4f16_1-MLC,275625000,490000000,q4f16_1,pp512,3,1000`,
      ),
    ).toBe(true);
    expect(lines[2]).toContain(
      ',tg128,3,50,1,50,50,1,50,20,30,128,,webllm 0.2.86,complete,2026-01-15T10:00:00.000Z',
    );
  });

  it('JSON: the result itself, read back unchanged by the import schema', async () => {
    const result = await sampleResult();
    const parsed = parseBenchJson(renderBenchJson(result));
    expect(parsed).toEqual({ ok: true, value: result });
  });

  it('renders several results as one table (device comparison)', async () => {
    const a = await sampleResult();
    const b = await sampleResult({ device: { label: 'Pixel 8', browserVersion: null } });
    const md = renderBenchMarkdown([a, b]);
    expect(md.split('\n').filter((l) => l.includes('| tg128 |'))).toHaveLength(2);
    expect(renderBenchCsv([a, b]).split('\r\n')).toHaveLength(6);
  });
});
