import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../../../src/core/report/renderHtmlReport.ts';
import { HTML_TEXT_LIMIT } from '../../../../src/core/report/renderHtmlCase.ts';
import { copy, loadReport } from './fixtures.ts';
import { liveMarkup, parseHtml, visibleText } from './htmlInspect.ts';

const rich = loadReport('rich');
const html = renderHtmlReport(rich);
const doc = parseHtml(html);

function cells(row: Element): string[] {
  return [...row.querySelectorAll('th[scope=row], td')].map((td) => (td.textContent ?? '').trim());
}

function facts(section: Element | null): Map<string, string> {
  const terms = [...(section?.querySelectorAll('dt') ?? [])];
  return new Map(terms.map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.textContent ?? '']));
}

function card(label: string): string {
  const found = [...doc.querySelectorAll('#summary .card')].find(
    (c) => c.querySelector('span')?.textContent === label,
  );
  return (found?.textContent ?? '').replace(/\s+/gu, ' ');
}

describe('renderHtmlReport on the rich fixture', () => {
  it('is one self-contained document: no live markup, no request, no script', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(liveMarkup(doc)).toEqual([]);
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/iu);
  });

  it('summary cards show the stored overall with its interval, macro, pass and success rates, cases', () => {
    expect(card('Punie score (mean over cases)')).toContain('81.3 %');
    expect(card('Punie score (mean over cases)')).toContain('Bootstrap 95 % CI 56.3 – 100.0 %');
    expect(card('Macro (mean over categories)')).toContain('84.6 %');
    expect(card('Pass rate')).toContain('58.3 %');
    expect(card('Pass rate')).toContain('7/12 passed · Wilson 95 % CI 32.0 – 80.7 %');
    expect(card('Success rate (no engine error)')).toContain('91.7 %');
    expect(card('Cases')).toContain('12');
    expect(card('Decode (median over cases)')).toContain('29.1 tok/s');
    expect(card('Decode (median over cases)')).toContain(
      'prefill 900.0 tok/s · first token 313 ms · load 8.1 s',
    );
  });

  it('the category table shows each stored mean, interval and pass count', () => {
    const rows = [...doc.querySelectorAll('#categories tr')].slice(1).map(cells);
    expect(rows).toEqual([
      // Scores that are all 0 or 1 are a proportion: a Wilson interval, not a bootstrap.
      ['tool_calling', '5', '80.0 %', '37.6 – 96.4 %', '3/5', '23.1 – 88.2 %'],
      ['code_generation', '3', '91.7 %', '83.1 – 100.0 %', '2/3', '20.8 – 93.9 %'],
      ['reasoning', '3', '66.7 %', '20.8 – 93.9 %', '1/3', '6.1 – 79.2 %'],
      ['multi_turn', '1', '100.0 %', '20.7 – 100.0 %', '1/1', '20.7 – 100.0 %'],
    ]);
  });

  it('draws the charts as inline SVG: category bars, score histogram, decode speed', () => {
    const charts = [...doc.querySelectorAll('svg')].map((svg) => svg.getAttribute('aria-label'));
    expect(charts).toEqual([
      'Mean score per category, with 95 % intervals',
      'Distribution of case scores, in bins of 10 points',
      'Decode tokens per second of each case, in run order',
    ]);
    expect(doc.querySelectorAll('#categories svg rect.bar')).toHaveLength(4);
    // 12 cases: 9 score 100 %, one 75 %, two 0 %.
    const bins = [...doc.querySelectorAll('#charts svg')[0]!.querySelectorAll('rect title')].map(
      (t) => t.textContent,
    );
    expect(bins[0]).toBe('0–10 %: 2 cases');
    expect(bins[7]).toBe('70–80 %: 1 case');
    expect(bins[9]).toBe('90–100 %: 9 cases');
  });

  it('lists every case as a <details> row, failing ones marked, with reasons in plain words', () => {
    const cases = [...doc.querySelectorAll('details.case')];
    expect(cases.map((c) => c.querySelector('summary span')?.textContent)).toEqual(
      rich.cases.map((c) => c.id),
    );
    expect(cases.map((c) => c.classList.contains('fail'))).toEqual(rich.cases.map((c) => !c.passed));
    const write = cases[1]!;
    expect(write.querySelector('summary')?.textContent).toContain('required argument "content" missing');
    const error = cases[11]!;
    expect(error.querySelector('summary')?.textContent).toContain('engine error: no output');
  });

  it('gives each case one pass/fail signal, with a chip per scorer that never contradicts it', () => {
    const write = [...doc.querySelectorAll('details.case')][1]!;
    const row = [...write.querySelectorAll(':scope > summary > span')].map((s) => s.textContent ?? '');
    // Punie's 100 % sits in its own chip; the case failed on the calls scorer.
    expect(row[2]).toBe('✗ failed');
    expect(row[3]).toBe('Punie ✓ · Calls ✗');
    expect(write.querySelector('summary .chips span.ko')?.getAttribute('title')).toBe(
      'Calls: failed (0.0 %)',
    );
    const signals = [...doc.querySelectorAll('details.case > summary > span:nth-of-type(3)')].map(
      (s) => s.textContent,
    );
    expect(signals).toEqual(rich.cases.map((c) => (c.passed ? '✓ passed' : '✗ failed')));
  });

  it('a case holds its prompt, raw output, calls with format, near misses, verdicts and usage', () => {
    const [read, , toolKey, xml] = [...doc.querySelectorAll('details.case')];
    const readText = visibleText(read ?? null);
    expect(read!.querySelector('.turn pre')?.textContent).toBe(
      'Read /etc/hosts and tell me what it maps localhost to.',
    );
    expect(read!.querySelectorAll('pre')[1]?.textContent).toBe(rich.cases[0]!.output);
    expect(cells(read!.querySelectorAll('table tr')[1]!)).toEqual([
      'read_file',
      'tagged-json',
      '{"path":"/etc/hosts"}',
      '22–105',
    ]);
    expect(readText).toContain('Punie 100.0 % passed');
    expect(read!.querySelector('dl')?.textContent).toContain('decode 27.0 tok/s');
    expect(read!.querySelector('dl')?.textContent).toContain('first token after 219 ms');
    expect(xml!.textContent).toContain('tagged-xml');
    expect(toolKey!.textContent).toContain('tool-key');
    expect(toolKey!.textContent).toContain('tool run_command was not called');
    expect(toolKey!.querySelector('.verdicts code')?.textContent).toBe('missing_tool:run_command');
  });

  it('configuration and device blocks hold what reproduces the run', () => {
    const config = facts(doc.querySelector('#configuration'));
    expect(config.get('suite')).toBe('tabeval-demo (version 2)');
    expect(config.get('suite sha256')).toBe(rich.suite.hash);
    expect(config.get('model')).toBe('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC');
    expect(config.get('model weights')).toBe(
      rich.source.kind === 'webllm' ? rich.source.model.url : 'not a WebLLM report',
    );
    expect(config.get('engine')).toBe('WebLLM 0.2.86 (in the tab)');
    expect(config.get('param temperature')).toBe('0');
    expect(config.get('param max_tokens')).toBe('1024');
    expect(config.get('param seed')).toBe('42');
    expect(config.get('prompt template sha256')).toBe(rich.promptTemplateHash);
    expect(config.get('param tool_call_mode')).toBe('prompt');
    expect(config.get('param samples')).toBe('1');
    expect(config.get('total time')).toBe('10.8 s');
    expect(config.get('model load')).toBe('8.1 s, from the browser cache');
    expect(doc.querySelector('#configuration details summary')?.textContent).toMatch(
      /^System prompt sent with every case/,
    );
    const device = facts(doc.querySelector('#device'));
    expect(doc.querySelector('#device p')?.textContent).toBe('apple metal-3');
    // In words, not raw probe keys; every limit is kept, folded.
    expect(device.get('GPU')).toBe('apple metal-3');
    expect(device.get('Software adapter')).toBe('no: a hardware GPU');
    expect(device.get('16-bit shaders (shader-f16)')).toBe('yes: f16 builds can run');
    expect(device.get('GPU features')).toBe('shader-f16, subgroups');
    expect(device.get('Largest GPU buffer')).toMatch(/^4(\.0)? GiB$/);
    expect(device.get('CPU cores')).toBe('10');
    expect(device.get('Browser')).toBe('Google Chrome 141.0.7390.54');
    expect(device.get('Storage for this site')).toMatch(/used of .*, kept when space runs low$/);
    expect([...device.keys()].some((label) => label.includes('.'))).toBe(false);
    expect(doc.querySelector('#device details summary')?.textContent).toBe('Every GPU adapter limit (2)');
    expect(facts(doc.querySelector('#device details')).get('maxBufferSize')).toBe('4,294,967,296');
  });

  it('has print rules and light/dark colours', () => {
    const css = doc.querySelector('style')?.textContent ?? '';
    expect(css).toContain('@media print');
    expect(css).toContain('prefers-color-scheme:dark');
  });

  it('is deterministic: the same report gives the same bytes', () => {
    expect(renderHtmlReport(copy(rich))).toBe(html);
  });

  it('cuts a very long output at the limit, says so, and never splits a surrogate pair', () => {
    const long = copy(rich);
    long.cases[0]!.output = `${'a'.repeat(HTML_TEXT_LIMIT - 1)}😀${'b'.repeat(10_000)}`;
    const page = parseHtml(renderHtmlReport(long));
    const first = page.querySelector('details.case')!;
    const shown = first.querySelectorAll('pre')[1]!.textContent!;
    expect(shown).toBe('a'.repeat(HTML_TEXT_LIMIT - 1));
    expect(first.textContent).toContain(
      'Output cut here: the first 3,999 of 14,001 characters are shown; the JSON report holds all of it.',
    );
  });

  it('renders a run without usage, model or device (CLI-scored outputs)', () => {
    const page = parseHtml(renderHtmlReport(loadReport('punie-30b')));
    expect(page.querySelectorAll('svg')).toHaveLength(2);
    expect(visibleText(page)).toContain('No device was recorded');
    expect(visibleText(page)).toContain('75.0 %');
  });
});
