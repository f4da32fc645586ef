// The hostile fixture carries HTML, <script> and javascript: URLs in every string a report holds:
// outputs, case ids, categories, prompts, reasons, tool names, model, engine, params, device, suite
// id/version/hash, created time. Every renderer must give them back as text, never as markup.
import { describe, expect, it } from 'vitest';
import { HTML_REPORT_STYLE } from '../../../../src/core/report/htmlReportStyle.ts';
import { renderCsv } from '../../../../src/core/report/renderCsv.ts';
import { renderHtmlReport } from '../../../../src/core/report/renderHtmlReport.ts';
import { renderMarkdownComparison } from '../../../../src/core/compare/renderMarkdownComparison.ts';
import { renderMarkdownSummary } from '../../../../src/core/report/renderMarkdownSummary.ts';
import { IMG, JS_LINK, SCRIPT } from '../../../fixtures/reports/hostileFixture.ts';
import { loadReport } from './fixtures.ts';
import { liveMarkup, parseHtml, visibleText } from './htmlInspect.ts';

const hostile = loadReport('hostile');
const html = renderHtmlReport(hostile);
const doc = parseHtml(html);

describe('the HTML report of the hostile fixture', () => {
  it('holds no live markup: no script, no handler, no loading element, no link out', () => {
    expect(liveMarkup(doc)).toEqual([]);
    expect(doc.querySelectorAll('script')).toHaveLength(0);
  });

  it('has exactly one <style>, the constant stylesheet (no report data in it)', () => {
    const styles = doc.querySelectorAll('style');
    expect(styles).toHaveLength(1);
    expect(styles[0]!.textContent).toBe(HTML_REPORT_STYLE);
  });

  it('forbids scripts and requests with a Content-Security-Policy as a second line of defence', () => {
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    // The only metas are the renderer's own.
    expect(
      [...doc.querySelectorAll('meta')].map(
        (m) => m.getAttribute('http-equiv') ?? m.getAttribute('name') ?? 'charset',
      ),
    ).toEqual(['charset', 'Content-Security-Policy', 'referrer', 'viewport']);
  });

  it('gives every element id itself: no report string becomes an id', () => {
    const ids = [...doc.querySelectorAll('[id]')].map((el) => el.id);
    for (const id of ids)
      expect(id).toMatch(
        /^(case-\d+|only-failing|(summary|categories|scorers|charts|cases|configuration|device)(-h)?)$/,
      );
  });

  it('shows the hostile strings as text, where they belong', () => {
    const text = visibleText(doc);
    for (const s of [IMG, SCRIPT, JS_LINK]) expect(text).toContain(s);
    expect(text).toContain(`case-${IMG}`);
    expect(text).toContain(`cat-${SCRIPT}`);
    expect(text).toContain(`Prompt ${IMG} ${JS_LINK}`);
    expect(text).toContain('javascript:alert(document.cookie)'); // the model URL, as text
    expect(doc.title).toContain(`suite-${SCRIPT}`);
    const outputs = [...doc.querySelectorAll('#cases pre')].map((pre) => pre.textContent);
    expect(outputs).toContain(hostile.cases[0]!.output);
  });

  it('keeps hostile strings inside text even in the SVG charts', () => {
    const labels = [...doc.querySelectorAll('svg text, svg title')].map((el) => el.textContent ?? '');
    expect(labels.some((l) => l.includes('cat-<script>'))).toBe(true);
  });
});

describe('the other renderers on the hostile fixture', () => {
  it('Markdown: no raw "<", "|" or "[" from the report, in the summary and the comparison', () => {
    for (const md of [renderMarkdownSummary(hostile), renderMarkdownComparison([hostile, hostile])]) {
      expect(md).not.toMatch(/(?<!\\)</u);
      expect(md).toContain('\\<img src=x onerror="document.body.dataset.pwned=1"\\>');
      // Table rows keep their column count: every `|` from a string is escaped.
      for (const line of md.split('\n').filter((l) => l.startsWith('|'))) {
        const header = md.split('\n').find((l) => l.startsWith('|'))!;
        expect(line.match(/(?<!\\)\|/gu)?.length).toBe(header.match(/(?<!\\)\|/gu)?.length);
      }
    }
  });

  it('CSV: the hostile strings come back whole from the quoted fields', () => {
    const csv = renderCsv(hostile);
    expect(csv).toContain(`"case-${IMG.replaceAll('"', '""')}"`);
    expect(csv).toContain(`case-${SCRIPT}`);
  });
});
