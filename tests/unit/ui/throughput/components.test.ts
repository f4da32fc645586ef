// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import BenchTable from '../../../../src/ui/throughput/BenchTable.svelte';
import SpeedOverRun from '../../../../src/ui/throughput/SpeedOverRun.svelte';
import ResultsView from '../../../../src/ui/results/ResultsView.svelte';
import { deviceBlock, userDeviceLabel } from '../../../../src/ui/device/deviceLabel.svelte.ts';
import type { DeviceInfo } from '../../../../src/device/types.ts';
import { loadReportFixture } from '../results/loadFixture.ts';
import { sampleResult } from '../../throughput/sampleResult.ts';

afterEach(cleanup);

const rich = loadReportFixture('rich.report.json');

describe('SpeedOverRun', () => {
  it('draws decode tok/s per case in run order, in the results view', () => {
    render(ResultsView, { report: rich });
    const chart = screen.getByTestId('speed-over-run');
    expect(chart.querySelectorAll('circle')).toHaveLength(11); // 12 cases, one without a figure
    expect(chart.querySelector('path')?.getAttribute('d')).toMatch(/^M50\.0 /);
  });

  it('stays hidden with fewer than two decode figures', () => {
    const one = { cases: rich.cases.map((c, i) => (i === 0 ? c : { ...c, usage: null })) };
    render(SpeedOverRun, { report: one });
    expect(screen.queryByTestId('speed-over-run')).toBeNull();
  });
});

describe('BenchTable', () => {
  it('shows one row per test with ours and WebLLM’s figures; text stays text', async () => {
    const result = await sampleResult({
      model: { id: '<b>bold</b>' },
      device: { label: '<script>x</script>', browserVersion: null },
    });
    render(BenchTable, { results: [result] });
    const rows = within(screen.getByTestId('bench-table')).getAllByTestId('bench-row');
    expect(rows.map((r) => r.getAttribute('data-test'))).toEqual(['pp512', 'tg128']);
    expect(within(rows[1]!).getByTestId('bench-tps').textContent).toBe('50.00 ± 1.00');
    expect(rows[0]?.textContent).toContain('<b>bold</b>');
    expect(document.querySelector('b, script')).toBeNull();
  });
});

describe('deviceBlock', () => {
  const info = {
    schema: 'tabeval.device/1',
    probedAt: '2026-01-15T09:59:00.000Z',
    webgpu: 'available',
    webgpuError: null,
    adapter: {
      vendor: 'apple',
      architecture: 'metal-3',
      device: '',
      description: '',
      isFallbackAdapter: false,
    },
    features: [],
    limits: {},
    cores: 8,
    deviceMemoryGB: 8,
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
    uaHints: null,
    storage: null,
    secureContext: true,
  } satisfies DeviceInfo;

  it('adds the user’s label (kept in localStorage) and the browser version to the probe’s facts', () => {
    userDeviceLabel.label = '  M2 Air, battery ';
    expect(localStorage.getItem('tabeval.deviceLabel')).toBe('  M2 Air, battery ');
    const block = deviceBlock(info);
    expect(block).toMatchObject({ label: 'M2 Air, battery', browserVersion: 'Firefox 133.0', cores: 8 });
    expect(block.adapter).toEqual(info.adapter);
    expect(JSON.parse(JSON.stringify(block))).toEqual(block);
    userDeviceLabel.label = '';
    expect(localStorage.getItem('tabeval.deviceLabel')).toBeNull();
    expect(deviceBlock(info).label).toBeNull();
  });
});
