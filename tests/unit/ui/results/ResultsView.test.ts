// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ResultsView from '../../../../src/ui/results/ResultsView.svelte';
import type { VerdictChange } from '../../../../src/core/compare/diffCaseVerdicts.ts';
import { formatPercent } from '../../../../src/core/format/formatFigures.ts';
import { loadReportFixture } from './loadFixture.ts';

afterEach(cleanup);

const rich = loadReportFixture('rich.report.json');

function rowIds(): string[] {
  return screen.queryAllByTestId('case-row').map((row) => row.getAttribute('data-case-id') ?? '');
}

function row(id: string): HTMLElement {
  const found = screen.getAllByTestId('case-row').find((r) => r.getAttribute('data-case-id') === id);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

describe('ResultsView', () => {
  it('shows the overall score from the summary, its interval, and the header facts', () => {
    render(ResultsView, { report: rich });
    expect(screen.getByTestId('overall-score').textContent).toBe(formatPercent(rich.summary.overall));
    expect(screen.getByTestId('overall-interval').textContent).toContain('Bootstrap 95 %');
    expect(screen.getByTestId('macro-score').textContent).toBe(formatPercent(rich.summary.macro));
    expect(screen.getByText('mean over categories')).toBeTruthy();
    expect(screen.getByTestId('case-count').textContent).toBe(String(rich.cases.length));
    // Prompt tokens per case and the run's prefill time, so suite authors see the cost.
    expect(screen.getByTestId('prompt-cost').textContent).toMatch(/prompt tokens over\s+11 cases/);
    expect(screen.getByTestId('prefill-time').textContent).not.toBe('–');
    expect(screen.getAllByTestId('case-prompt-tokens')[0]?.textContent).toBe('197');
    expect(screen.getByTestId('report-model').textContent).toContain(
      'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC',
    );
    expect(screen.getByTestId('report-params').textContent).toContain('seed 42');
    expect(screen.getByTestId('report-device').textContent).toContain('metal-3');
    expect(screen.queryByTestId('rescore-notice')).toBeNull();
  });

  it('lists each category with its mean and k/n', () => {
    render(ResultsView, { report: rich });
    const table = screen.getByTestId('category-table');
    const rows = within(table).getAllByTestId('category-row');
    expect(rows).toHaveLength(rich.summary.categories.length);
    const tools = rich.summary.categories.find((c) => c.name === 'tool_calling');
    const toolRow = rows.find((r) => r.textContent?.includes('tool_calling'));
    expect(toolRow?.textContent).toContain(formatPercent(tools?.mean ?? NaN));
    expect(toolRow?.textContent).toContain(`${tools?.passed}/${tools?.n}`);
  });

  it('shows one row per case and narrows to the failures', async () => {
    render(ResultsView, { report: rich });
    expect(rowIds()).toEqual(rich.cases.map((c) => c.id));
    await fireEvent.click(screen.getByTestId('filter-failed'));
    const failed = rich.cases.filter((c) => !c.passed).map((c) => c.id);
    expect(rowIds()).toEqual(failed);
    expect(rowIds()).toEqual([
      'call-write',
      'call-tool-key',
      'code-debounce',
      'math-product',
      'engine-error',
    ]);
    expect(screen.getByTestId('case-count-shown').textContent).toContain(
      `${failed.length} of ${rich.cases.length}`,
    );
    expect(within(row('call-write')).getByText('failed')).toBeTruthy();
  });

  it('gives each case one pass/fail signal with a chip per scorer, and its reasons in words', () => {
    render(ResultsView, { report: rich });
    // Punie gave call-write 100 %, the calls scorer failed it: the row says "failed", never "100.0 % ✗".
    const result = within(row('call-write')).getByTestId('case-result');
    expect(result.getAttribute('data-passed')).toBe('false');
    expect(result.textContent).toContain('failed');
    expect(result.textContent).not.toMatch(/100\.0 %\)?\s*✗/);
    const chips = within(result).getAllByTestId('scorer-chip');
    expect(chips.map((chip) => chip.getAttribute('data-scorer'))).toEqual(['punie', 'calls']);
    expect(chips.map((chip) => chip.textContent)).toEqual([
      expect.stringContaining('Punie: passed (100.0 %)'),
      expect.stringContaining('Calls: failed (0.0 %)'),
    ]);
    expect(row('call-write').classList.contains('failed')).toBe(true);
    expect(row('call-read').classList.contains('failed')).toBe(false);
    expect(within(row('call-read')).getByTestId('case-result').textContent).toContain('passed');
    // A partial score is a percentage on its chip, beside the one signal.
    const partial = within(row('code-debounce')).getAllByTestId('scorer-chip')[0];
    expect(partial?.textContent).toContain('Punie 75.0 %');
    expect(within(row('call-write')).getByTestId('case-row-reasons').textContent?.trim()).toBe(
      'required argument "content" missing',
    );
    expect(within(row('engine-error')).getByTestId('case-row-reasons').textContent).toContain(
      'engine error: no output',
    );
    expect(screen.getByTestId('case-table').textContent).not.toContain('missing_required');
    // Every colour of the table is said in words beside it.
    const legend = screen.getByTestId('case-legend').textContent ?? '';
    for (const words of ['passed', 'failed', 'tinted row', 'dashed', 'open in the drill-down']) {
      expect(legend).toContain(words);
    }
  });

  it('filters by category, reason and text', async () => {
    render(ResultsView, { report: rich });
    await fireEvent.change(screen.getByTestId('filter-category'), { target: { value: 'reasoning' } });
    expect(rowIds()).toEqual(['math-sum', 'math-product', 'engine-error']);
    await fireEvent.change(screen.getByTestId('filter-category'), { target: { value: '' } });

    const reason = screen.getByTestId('filter-reason') as HTMLSelectElement;
    expect([...reason.options].map((o) => o.value)).toContain('calls:missing_required:content');
    await fireEvent.change(reason, { target: { value: 'calls:missing_required:content' } });
    expect(rowIds()).toEqual(['call-write']);
    await fireEvent.change(reason, { target: { value: '' } });

    await fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'setTimeout' } });
    expect(rowIds()).toEqual(['code-debounce']);
    await fireEvent.input(screen.getByTestId('filter-text'), { target: { value: 'no such text' } });
    expect(rowIds()).toEqual([]);
    expect(screen.getByText('No case matches the filters.')).toBeTruthy();
  });

  it('sorts by a column header, with aria-sort', async () => {
    render(ResultsView, { report: rich });
    const button = screen.getByTestId('sort-score');
    const header = button.closest('th');
    expect(header?.getAttribute('aria-sort')).toBe('none');
    await fireEvent.click(button);
    expect(header?.getAttribute('aria-sort')).toBe('ascending');
    expect(rowIds().slice(0, 2)).toEqual(['call-tool-key', 'engine-error']);
    await fireEvent.click(button);
    expect(header?.getAttribute('aria-sort')).toBe('descending');
    expect(rowIds().slice(-2)).toEqual(['call-tool-key', 'engine-error']);
    await fireEvent.click(screen.getByTestId('sort-id'));
    expect(header?.getAttribute('aria-sort')).toBe('none');
    expect(rowIds()).toEqual(rich.cases.map((c) => c.id).sort((a, b) => a.localeCompare(b, 'en')));
  });

  it('opens a case with its reasons explained in words, and closes it with Esc', async () => {
    render(ResultsView, { report: rich });
    const open = within(row('call-write')).getByRole('button', { name: 'call-write' });
    open.focus();
    await fireEvent.click(open);
    const detail = screen.getByTestId('case-detail');
    expect(detail.getAttribute('data-case-id')).toBe('call-write');
    expect(document.activeElement).toBe(within(detail).getByTestId('case-detail-close'));
    const reasons = within(detail)
      .getAllByTestId('case-reason')
      .map((r) => r.textContent ?? '');
    expect(reasons.some((r) => r.includes('required argument "content" missing'))).toBe(true);
    expect(reasons.some((r) => r.includes('missing_required:content'))).toBe(true);
    expect(within(detail).getByTestId('case-call').textContent).toContain('tagged-json');
    const roles = within(detail)
      .getAllByTestId('case-message')
      .map((m) => m.getAttribute('data-role'));
    expect(roles).toEqual(['system', 'user']);

    await fireEvent.keyDown(detail, { key: 'Escape' });
    expect(screen.queryByTestId('case-detail')).toBeNull();
    expect(document.activeElement).toBe(open);
  });

  it('shows what the case expected beside what the model did', async () => {
    render(ResultsView, { report: rich });
    await fireEvent.click(within(row('call-write')).getByRole('button', { name: 'call-write' }));
    const pair = within(screen.getByTestId('case-detail')).getByTestId('case-expected');
    const expected = within(pair).getByRole('region', { name: 'Expected' });
    const did = within(pair).getByRole('region', { name: 'What the model did' });
    expect(within(expected).getByTestId('expected-call').textContent).toContain('write_file');
    expect(within(expected).getByTestId('expected-call').textContent).toContain('content');
    expect(within(did).getAllByTestId('made-call')[0]?.textContent).toContain('write_file');
    await fireEvent.click(within(screen.getByTestId('case-detail')).getByTestId('case-detail-close'));

    await fireEvent.click(within(row('code-debounce')).getByRole('button', { name: 'code-debounce' }));
    const checks = within(screen.getByTestId('case-detail')).getAllByTestId('keyword-check');
    expect(checks.find((k) => k.textContent?.includes('generic'))?.getAttribute('data-found')).toBe('false');
    expect(checks.filter((k) => k.getAttribute('data-found') === 'true').length).toBeGreaterThan(0);
  });

  it('walks the filtered list with Previous / Next and the N and P keys', async () => {
    render(ResultsView, { report: rich });
    await fireEvent.click(screen.getByTestId('filter-failed'));
    await fireEvent.click(within(row('call-tool-key')).getByRole('button', { name: 'call-tool-key' }));
    const detail = screen.getByTestId('case-detail');
    const id = () => screen.getByTestId('case-detail').getAttribute('data-case-id');
    expect(within(detail).getByTestId('case-detail-position').textContent).toBe('2 of 5');
    await fireEvent.click(within(detail).getByTestId('case-detail-next'));
    expect(id()).toBe('code-debounce');
    expect(row('code-debounce').classList.contains('current')).toBe(true);
    await fireEvent.keyDown(detail, { key: 'n' });
    expect(id()).toBe('math-product');
    await fireEvent.keyDown(detail, { key: 'p' });
    await fireEvent.keyDown(detail, { key: 'p' });
    await fireEvent.click(within(detail).getByTestId('case-detail-previous'));
    expect(id()).toBe('call-write');
    expect((within(detail).getByTestId('case-detail-previous') as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.keyDown(detail, { key: 'p' });
    expect(id()).toBe('call-write');
    await fireEvent.keyDown(detail, { key: 'Escape' });
    expect(document.activeElement).toBe(
      within(row('call-write')).getByRole('button', { name: 'call-write' }),
    );
  });

  it('opens a case from a row click and closes it with the Close button', async () => {
    render(ResultsView, { report: rich });
    await fireEvent.click(within(row('call-tool-key')).getByText('tool_calling'));
    const detail = screen.getByTestId('case-detail');
    expect(within(detail).getByTestId('case-near-misses').textContent).toContain('tool-key');
    expect(within(detail).getAllByTestId('case-reason')[0]?.textContent).toContain(
      'tool run_command was not called',
    );
    await fireEvent.click(within(detail).getByTestId('case-detail-close'));
    expect(screen.queryByTestId('case-detail')).toBeNull();
  });

  it('shows usage figures, the output hash, the engine error and highlighted code', async () => {
    render(ResultsView, { report: rich });
    await fireEvent.click(within(row('code-prime')).getByRole('button'));
    const detail = screen.getByTestId('case-detail');
    const c = rich.cases.find((x) => x.id === 'code-prime');
    expect(within(detail).getByTestId('case-output-hash').textContent).toBe(c?.outputHash);
    expect(within(detail).getByTestId('case-usage').textContent).toContain('Decode');
    const block = within(detail).getByTestId('code-block');
    expect(block.getAttribute('data-language')).toBe('python');
    expect(block.querySelector('pre')?.textContent).toContain('def is_prime(n: int) -> bool:');
    // The highlighter arrives through a dynamic import: plain text first, then spans.
    await waitFor(() => expect(block.querySelector('.hljs-keyword')).not.toBeNull());
    expect(block.querySelector('pre')?.textContent).toContain('for d in range(2, int(n ** 0.5) + 1):');
    await fireEvent.click(within(detail).getByTestId('case-detail-close'));

    await fireEvent.click(within(row('engine-error')).getByRole('button'));
    expect(screen.getByTestId('case-detail').textContent).toContain(
      'The engine failed on this case: no output',
    );
    expect(screen.getByTestId('case-detail').textContent).toContain('No output was recorded.');
  });

  it('lists verdict changes after a re-score, and says so when there are none', async () => {
    const changes: VerdictChange[] = [
      { id: 'call-write', before: null, after: null, why: 'now fails' },
      { id: 'gone-case', before: null, after: null, why: 'no longer in the suite' },
    ];
    const { rerender } = render(ResultsView, { report: rich, changes });
    const notice = screen.getByTestId('rescore-notice');
    expect(notice.textContent).toContain('2 cases changed their verdict since this report was recorded');
    expect(
      within(notice)
        .getAllByTestId('rescore-change')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('now fails'), expect.stringContaining('no longer in the suite')]);
    await fireEvent.click(within(notice).getByRole('button', { name: 'call-write' }));
    expect(screen.getByTestId('case-detail').getAttribute('data-case-id')).toBe('call-write');

    await rerender({ report: rich, changes: [] });
    expect(screen.getByTestId('rescore-notice').textContent).toContain('no case changed');
  });

  it('renders the CLI-scored Punie fixture', () => {
    const punie = loadReportFixture('punie-30b.report.json');
    render(ResultsView, { report: punie });
    expect(screen.getByTestId('overall-score').textContent).toBe(formatPercent(punie.summary.overall));
    expect(rowIds()).toHaveLength(punie.cases.length);
    expect(screen.getByTestId('report-model').textContent).toContain('not recorded');
  });
});
