// @vitest-environment jsdom
// The case table of a 10,000-case report keeps only the rows on screen in the DOM, and every path
// through it (scroll, sort, filter, open, next, close, focus return) still works.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import ResultsView from '../../../../src/ui/results/ResultsView.svelte';
import type { Report } from '../../../../src/core/report/schema.ts';
import { rowWindow, scrollToRow } from '../../../../src/ui/results/rowWindow.ts';
import { loadReportFixture } from './loadFixture.ts';

afterEach(cleanup);

const rich = loadReportFixture('rich.report.json');
const CASE_COUNT = 10_000;
const huge: Report = {
  ...rich,
  cases: Array.from({ length: CASE_COUNT }, (_, i) => ({
    ...rich.cases[i % rich.cases.length]!,
    id: `case-${String(i).padStart(5, '0')}`,
  })),
};

/** jsdom has no layout: give the case frame a height and a scroll position, then tell it it scrolled. */
async function scrollFrame(frame: HTMLElement, top: number): Promise<void> {
  Object.defineProperty(frame, 'clientHeight', { configurable: true, value: 400 });
  Object.defineProperty(frame, 'scrollTop', { configurable: true, writable: true, value: top });
  await fireEvent.scroll(frame);
  await tick();
}

const rowIds = () => screen.queryAllByTestId('case-row').map((r) => r.getAttribute('data-case-id'));

describe('rowWindow', () => {
  it('covers the rows on screen plus the overscan, clamped to the list', () => {
    expect(rowWindow({ count: 10_000, scrollTop: 0, viewport: 400, rowHeight: 40, overscan: 5 })).toEqual({
      start: 0,
      end: 15,
      before: 0,
      after: (10_000 - 15) * 40,
    });
    const middle = rowWindow({ count: 10_000, scrollTop: 40_000, viewport: 400, rowHeight: 40, overscan: 5 });
    expect(middle).toEqual({ start: 995, end: 1015, before: 995 * 40, after: (10_000 - 1015) * 40 });
    expect(rowWindow({ count: 3, scrollTop: 99_999, viewport: 400, rowHeight: 40 })).toMatchObject({
      start: 0,
      end: 3,
      after: 0,
    });
    expect(rowWindow({ count: 0, scrollTop: 0, viewport: 400, rowHeight: 40 })).toMatchObject({
      start: 0,
      end: 0,
    });
  });

  it('scrolls just enough to show a row below a sticky header', () => {
    const frame = { scrollTop: 400, viewport: 440, rowHeight: 40, headerHeight: 40 };
    expect(scrollToRow(12, frame)).toBe(400);
    expect(scrollToRow(5, frame)).toBe(200);
    expect(scrollToRow(30, frame)).toBe(31 * 40 - 400);
  });
});

// Rendering 10,000 cases under jsdom on a shared machine takes seconds: a generous limit, no timing asserted.
describe('the case table of a 10,000-case report', { timeout: 30_000 }, () => {
  it('renders a bounded number of rows, tells assistive tech the real size, and follows the scroll', async () => {
    render(ResultsView, { report: huge });
    const table = screen.getByTestId('case-table');
    expect(table.getAttribute('aria-rowcount')).toBe(String(CASE_COUNT + 1));
    const first = screen.getAllByTestId('case-row');
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(100);
    expect(first[0]?.getAttribute('aria-rowindex')).toBe('2');
    expect(screen.getByTestId('case-count-shown').textContent).toContain(`${CASE_COUNT} cases`);

    const frame = screen.getByTestId('case-frame');
    await scrollFrame(frame, 40 * 6000);
    const rows = screen.getAllByTestId('case-row');
    expect(rows.length).toBeLessThan(100);
    expect(rowIds()).toContain('case-06000');
    expect(rowIds()).not.toContain('case-00000');
    const row = rows.find((r) => r.getAttribute('data-case-id') === 'case-06000');
    expect(row?.getAttribute('aria-rowindex')).toBe(String(6000 + 2));
  });

  it('sorts and filters all 10,000 cases, not only the rendered ones', async () => {
    render(ResultsView, { report: huge });
    await fireEvent.click(screen.getByTestId('sort-id'));
    await fireEvent.click(screen.getByTestId('sort-id'));
    expect(rowIds()[0]).toBe('case-09999');
    await fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'case-0424' } });
    expect(rowIds()).toEqual(Array.from({ length: 10 }, (_, i) => `case-0424${9 - i}`));
    expect(screen.getByTestId('case-table').getAttribute('aria-rowcount')).toBe('11');
  });

  it('moves between rows with the arrow keys past the rendered ones, and returns focus after the drill-down', async () => {
    render(ResultsView, { report: huge });
    const frame = screen.getByTestId('case-frame');
    Object.defineProperty(frame, 'clientHeight', { configurable: true, value: 400 });
    const open = (id: string) =>
      within(screen.getAllByTestId('case-row').find((r) => r.getAttribute('data-case-id') === id)!).getByRole(
        'button',
        { name: id },
      );
    open('case-00000').focus();
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    await tick();
    expect(document.activeElement?.textContent?.trim()).toBe('case-09999');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    await tick();
    expect(document.activeElement?.textContent?.trim()).toBe('case-09998');
    expect(rowIds()).not.toContain('case-00000');

    await fireEvent.click(document.activeElement!);
    const detail = screen.getByTestId('case-detail');
    expect(within(detail).getByTestId('case-detail-position').textContent).toBe('9999 of 10000');
    await fireEvent.keyDown(detail, { key: 'n' });
    expect(screen.getByTestId('case-detail').getAttribute('data-case-id')).toBe('case-09999');
    expect((within(detail).getByTestId('case-detail-next') as HTMLButtonElement).disabled).toBe(true);

    // Scroll the list far away; closing brings the case's row back and focuses it.
    await scrollFrame(frame, 0);
    expect(rowIds()).not.toContain('case-09999');
    await fireEvent.keyDown(detail, { key: 'Escape' });
    await tick();
    await tick();
    expect(screen.queryByTestId('case-detail')).toBeNull();
    expect(document.activeElement?.textContent?.trim()).toBe('case-09999');
  });
});
