// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import ResultsTitleBar from '../../../../src/ui/results/ResultsTitleBar.svelte';
import { formatInterval, formatPercent, formatTps } from '../../../../src/core/format/formatFigures.ts';
import { runSpeedFigures } from '../../../../src/core/report/runSpeedFigures.ts';
import { loadReportFixture } from './loadFixture.ts';

afterEach(cleanup);

const rich = loadReportFixture('rich.report.json');
const title = createRawSnippet(() => ({ render: () => '<h1>tabeval-demo</h1>' }));

describe('ResultsTitleBar', () => {
  it('leads with the pass rate, its interval and the decode speed', () => {
    render(ResultsTitleBar, { report: rich, model: null, title });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('tabeval-demo');
    expect(screen.getByTestId('headline-pass-rate').textContent).toBe(formatPercent(rich.summary.passRate));
    expect(screen.getByTestId('headline-pass-interval').textContent).toContain(
      formatInterval(rich.summary.passRateInterval),
    );
    expect(screen.getByTestId('headline-pass-interval').textContent).toContain('7 of 12 passed');
    const decode = runSpeedFigures(rich).decodeTps;
    expect(decode).not.toBeNull();
    expect(screen.getByTestId('headline-decode').textContent).toBe(formatTps(decode));
  });

  it('keeps every download and link in one Share / Export menu that Esc closes', async () => {
    render(ResultsTitleBar, { report: rich, model: null, title });
    const toggle = screen.getByTestId('share-export-toggle');
    const panel = screen.getByTestId('share-export-panel');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(panel.hidden).toBe(true);
    await fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    for (const id of [
      'export-json',
      'export-html',
      'export-csv',
      'export-md',
      'copy-reproduce-link',
      'copy-results-link',
    ]) {
      expect(within(panel).getByTestId(id)).toBeTruthy();
    }
    expect(document.activeElement).toBe(within(panel).getByTestId('export-json'));
    await fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(panel.hidden).toBe(true);
    expect(document.activeElement).toBe(toggle);
  });
});
