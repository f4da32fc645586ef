// @vitest-environment jsdom
// Every string of a report is untrusted: outputs, case ids, categories, reasons, model and engine
// names, suite strings, parameters, device fields. They must come out as text, never as elements.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ResultsView from '../../../../src/ui/results/ResultsView.svelte';
import type { Report } from '../../../../src/core/report/schema.ts';
import { sourceModelId } from '../../../../src/core/report/sourceFacts.ts';
import { IMG, JS_LINK, SCRIPT } from '../../../fixtures/reports/hostileFixture.ts';
import { loadReportFixture } from './loadFixture.ts';

afterEach(cleanup);

const hostile = loadReportFixture('hostile.report.json');

// Attributes a browser follows or loads. A `javascript:` text in a title is only text.
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
]);

/** Elements or attributes that only HTML injection could have produced. */
function injected(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['img', 'script', 'iframe', 'object', 'embed', 'a', 'style', 'link', 'meta', 'form'].includes(tag)) {
      found.push(`<${tag}>`);
    }
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on')) found.push(`${tag}[${attr.name}]`);
      if (URL_ATTRIBUTES.has(attr.name) && /^\s*javascript:/iu.test(attr.value)) {
        found.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return found;
}

/** The rendered text of the whole page, whitespace collapsed. */
function pageText(): string {
  return (document.body.textContent ?? '').replace(/\s+/gu, ' ');
}

function expectClean(): void {
  expect(injected(document.body), document.body.innerHTML.slice(0, 300)).toEqual([]);
  expect(document.body.dataset['pwned']).toBeUndefined();
}

describe('hostile report content', () => {
  it('is a valid report whose strings carry markup everywhere', () => {
    expect(sourceModelId(hostile.source)).toContain(IMG);
    expect(hostile.cases.map((c) => c.id)).toEqual([`case-${IMG}`, `case-${JS_LINK}`, `case-${SCRIPT}`]);
    expect(hostile.cases.flatMap((c) => c.reasons).join(' ')).toContain(IMG);
  });

  it('renders header, summary, categories and case table as literal text', () => {
    render(ResultsView, { report: hostile });
    expectClean();
    const text = pageText();
    for (const literal of [
      sourceModelId(hostile.source) ?? '',
      hostile.suite.id,
      `cat-${SCRIPT}`,
      `case-${JS_LINK}`,
      SCRIPT,
    ]) {
      expect(text).toContain(literal);
    }
    expect(screen.getByTestId('report-suite').textContent).toBe(hostile.suite.id);
    expect(screen.getByTestId('report-params').textContent).toContain(JSON.stringify([SCRIPT, IMG]));
    expect(screen.getByTestId('report-device-name').textContent).toContain(SCRIPT);
    expect(screen.getByTestId('report-engine').textContent).toContain(IMG);
    expect(screen.getByTestId('report-device').textContent).toContain(IMG);
    expect(screen.getByTestId('report-device').textContent).toContain('fallback adapter');
    const rows = screen.getAllByTestId('case-row');
    expect(rows.map((r) => r.getAttribute('data-case-id'))).toEqual(hostile.cases.map((c) => c.id));
    const reasonOptions = [...(screen.getByTestId('filter-reason') as HTMLSelectElement).options];
    expect(reasonOptions.some((o) => o.value.includes(IMG) && o.textContent?.includes(IMG))).toBe(true);
  });

  it('filters on hostile categories and reasons by their exact text', async () => {
    render(ResultsView, { report: hostile });
    await fireEvent.change(screen.getByTestId('filter-category'), { target: { value: `cat-${IMG}` } });
    expect(screen.getAllByTestId('case-row').map((r) => r.getAttribute('data-case-id'))).toEqual([
      `case-${JS_LINK}`,
    ]);
    expectClean();
  });

  it('renders every case’s drill-down (prompt, output, code, calls, near misses, reasons) as text', async () => {
    render(ResultsView, { report: hostile });
    for (const c of hostile.cases) {
      const row = screen.getAllByTestId('case-row').find((r) => r.getAttribute('data-case-id') === c.id);
      await fireEvent.click(within(row as HTMLElement).getByRole('button'));
      const detail = screen.getByTestId('case-detail');
      expect(detail.getAttribute('data-case-id')).toBe(c.id);
      const text = (detail.textContent ?? '').replace(/\s+/gu, ' ');
      expect(text).toContain(c.id);
      for (const reason of c.verdicts.flatMap((v) => v.reasons)) expect(text).toContain(reason);
      for (const call of c.calls) expect(text).toContain(call.name);
      for (const miss of c.nearMisses) expect(text).toContain(miss.detail);
      if (c.output !== null) {
        const outputText = within(detail).getByTestId('case-output').textContent ?? '';
        for (const line of c.output.split('\n').filter((l) => !l.startsWith('```'))) {
          expect(outputText).toContain(line);
        }
      }
      // Highlighted code (the javascript block) goes through the hast renderer: still text.
      const js = within(detail)
        .queryAllByTestId('code-block')
        .find((b) => b.getAttribute('data-language') === 'javascript');
      if (js) {
        await waitFor(() => expect(js.querySelector('[class^="hljs-"]')).not.toBeNull(), { timeout: 5000 });
        expect(js.querySelector('pre')?.textContent).toBe(`document.write('${IMG}')`);
      }
      expectClean();
      await fireEvent.click(within(detail).getByTestId('case-detail-close'));
    }
  }, 20_000);

  it('shows hostile prompts and the system prompt literally', async () => {
    render(ResultsView, { report: hostile });
    await fireEvent.click(within(screen.getAllByTestId('case-row')[1] as HTMLElement).getByRole('button'));
    const messages = screen.getAllByTestId('case-message');
    expect(messages.map((m) => m.getAttribute('data-role'))).toEqual(['system', 'user', 'assistant', 'user']);
    expect(messages[0]?.textContent).toContain(SCRIPT);
    expect(messages[1]?.textContent).toContain(SCRIPT);
    expect(messages[2]?.textContent).toContain(IMG);
    expect(messages[3]?.textContent).toContain(JS_LINK);
    expectClean();
  });

  it('shows hostile verdict changes literally', () => {
    render(ResultsView, {
      report: hostile,
      changes: [
        { id: `case-${IMG}`, before: null, after: null, why: SCRIPT },
        { id: JS_LINK, before: null, after: null, why: IMG },
      ],
    });
    const notice = screen.getByTestId('rescore-notice');
    expect(notice.textContent).toContain(SCRIPT);
    expect(notice.textContent).toContain(JS_LINK);
    expectClean();
  });

  it('survives a report whose embedded suite is not a suite at all', async () => {
    const broken: Report = {
      ...hostile,
      suite: { ...hostile.suite, content: { cases: [{ id: IMG, prompt: SCRIPT }] } },
    };
    render(ResultsView, { report: broken });
    await fireEvent.click(within(screen.getAllByTestId('case-row')[0] as HTMLElement).getByRole('button'));
    expect(screen.getByTestId('case-detail').textContent).toContain('does not validate');
    expectClean();
  });
});
