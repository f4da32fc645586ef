import { describe, expect, it } from 'vitest';
import { deviceLabel } from '../../../../src/core/report/deviceLabel.ts';
import { escapeHtml } from '../../../../src/core/report/escapeHtml.ts';
import { flattenFacts } from '../../../../src/core/report/flattenFacts.ts';
import {
  formatPoints,
  formatPointsInterval,
  formatPValue,
  formatRelativeChange,
  formatTimestamp,
} from '../../../../src/core/format/formatFigures.ts';
import { markup, SafeHtml } from '../../../../src/core/report/markup.ts';
import { reportPrompts } from '../../../../src/core/report/reportPrompts.ts';
import { runSpeedFigures } from '../../../../src/core/report/runSpeedFigures.ts';
import { truncateText } from '../../../../src/core/report/truncateText.ts';
import { usageFigure } from '../../../../src/core/report/usageFigure.ts';
import { loadReport } from './fixtures.ts';

describe('escapeHtml and markup', () => {
  it('escapes the five HTML-special characters (and NUL, which parsers drop)', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>\0`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;\uFFFD',
    );
  });

  it('markup escapes every interpolated string, keeps SafeHtml, joins lists, drops null and booleans', () => {
    const inner = markup`<b>${'<i>'}</b>`;
    const out = markup`<p title="${'"x"'}">${inner}${['<', 1, null, false, true, undefined]}</p>`;
    expect(out.toString()).toBe('<p title="&quot;x&quot;"><b>&lt;i&gt;</b>&lt;1</p>');
    expect(out).toBeInstanceOf(SafeHtml);
  });
});

describe('formatting', () => {
  it('points: signed with a true minus, ±0.0 when it rounds to zero', () => {
    expect(formatPoints(0.043)).toBe('+4.3 pt');
    expect(formatPoints(-1.25 / 7)).toBe('−17.9 pt');
    expect(formatPoints(0.0004)).toBe('±0.0 pt');
    expect(formatPoints(null)).toBe('–');
    expect(formatPointsInterval({ low: -0.464, high: 0 })).toBe('−46.4 to 0.0 pt');
    expect(formatRelativeChange(0.12)).toBe('+12.0 %');
    expect(formatRelativeChange(-0.05)).toBe('−5.0 %');
  });

  it('p-values', () => {
    expect(formatPValue(0.5)).toBe('0.500');
    expect(formatPValue(0.0001)).toBe('< 0.001');
    expect(formatPValue(Number.NaN)).toBe('–');
  });

  it('reads only ISO times as times: Date.parse would read markup as a date', () => {
    expect(formatTimestamp('2026-01-15T10:00:00.000Z')).toBe('2026-01-15 10:00 UTC');
    expect(formatTimestamp('<img src=x onerror="x=1">')).toBe('<img src=x onerror="x=1">');
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });

  it('truncateText never splits a surrogate pair', () => {
    expect(truncateText('ab😀cd', 3)).toEqual({ text: 'ab', truncated: true, length: 6 });
    expect(truncateText('ab😀cd', 4)).toEqual({ text: 'ab😀', truncated: true, length: 6 });
    expect(truncateText('abc', 3)).toEqual({ text: 'abc', truncated: false, length: 3 });
  });
});

describe('report facts', () => {
  it('deviceLabel: adapter, platform, fallback warning; unknown when not recorded', () => {
    expect(deviceLabel(null)).toBe('unknown device');
    expect(deviceLabel(loadReport('rich').device)).toBe('apple metal-3');
    const software = {
      label: null,
      browserVersion: null,
      adapter: {
        vendor: 'google',
        architecture: 'swiftshader',
        device: '',
        description: '',
        isFallbackAdapter: true,
      },
      uaHints: {
        brands: [],
        mobile: null,
        platform: 'Linux',
        platformVersion: null,
        architecture: null,
        bitness: null,
        model: '',
        fullVersionList: [],
      },
    };
    expect(deviceLabel(software)).toBe('google swiftshader, Linux (software fallback adapter)');
    // The user's label names the device; a software adapter is marked all the same.
    expect(deviceLabel({ ...software, label: ' CI runner ' })).toBe('CI runner (software fallback adapter)');
    expect(deviceLabel({ label: null, browserVersion: null, cores: 4 })).toBe('unknown GPU');
  });

  it('flattenFacts: dotted labels, joined lists, JSON for the rest, bounded', () => {
    expect(flattenFacts({ a: { b: 1, c: [1, 'x'] }, d: null, e: [{ f: 1 }], g: {} })).toEqual([
      { label: 'a.b', value: '1' },
      { label: 'a.c', value: '1, x' },
      { label: 'd', value: 'null' },
      { label: 'e', value: '[{"f":1}]' },
      { label: 'g', value: '{}' },
    ]);
    const many = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`k${i}`, 'v'.repeat(1000)]));
    const facts = flattenFacts(many);
    expect(facts).toHaveLength(201);
    expect(facts[0]!.value).toHaveLength(500);
    expect(facts[200]).toEqual({ label: '…', value: '100 more values not shown' });
  });

  it('usageFigure prefers the measured figure; runSpeedFigures takes medians over cases', () => {
    const rich = loadReport('rich');
    expect(usageFigure(rich.cases[0]!, 'decodeTps')).toBe(26.2); // measured; reported 27
    expect(usageFigure(rich.cases[0]!, 'promptTokens')).toBe(197); // reported only
    expect(usageFigure(rich.cases[11]!, 'decodeTps')).toBeNull(); // no usage
    expect(runSpeedFigures(rich)).toMatchObject({
      decodeTps: 29.1,
      prefillTps: 900,
      ttftMs: 313,
      n: { decodeTps: 11, prefillTps: 11, ttftMs: 11 },
      loadMs: 8123,
      loadFromCache: true,
    });
  });

  it("runSpeedFigures sums prompt tokens and the run's prefill time over the cases that recorded them", () => {
    const figures = (
      promptTokens: number | null,
      completionTokens: number | null,
      prefillTps: number | null,
      ttftMs: number | null,
    ) => ({
      reported: { promptTokens, completionTokens, prefillTps, ttftMs, decodeTps: null, e2eMs: null },
      measured: {
        promptTokens: null,
        completionTokens: null,
        prefillTps: null,
        ttftMs: null,
        decodeTps: null,
        e2eMs: null,
      },
    });
    const rich = loadReport('rich');
    const [a, b, c] = rich.cases;
    const report = {
      timings: rich.timings,
      cases: [
        { ...a!, usage: figures(100, 50, 1000, 400) }, // 100 tokens at 1000 tok/s: 100 ms
        { ...b!, usage: figures(300, 50, null, 250) }, // no prefill speed: its time to first token
        { ...c!, usage: null },
      ],
    };
    expect(runSpeedFigures(report)).toMatchObject({
      promptTokens: 400,
      promptShare: 0.8,
      prefillMs: 350,
      n: { promptTokens: 2, prefillMs: 2 },
    });
    expect(runSpeedFigures({ ...report, cases: [{ ...c!, usage: null }] })).toMatchObject({
      promptTokens: null,
      promptShare: null,
      prefillMs: null,
    });
  });

  it('reportPrompts: the system prompt once, each case its own turns; a broken suite still shows prompts', () => {
    const rich = loadReport('rich');
    const prompts = reportPrompts(rich);
    expect(prompts.problem).toBeNull();
    expect(prompts.system).toContain('You are a careful coding assistant.');
    expect(prompts.system).toContain('<tools>');
    expect(prompts.turns.get('multi-turn')).toHaveLength(3);
    const broken = reportPrompts({
      suite: {
        ...rich.suite,
        content: { cases: [{ id: 'a', prompt: 'hi' }, { id: 'b', messages: 'no' }, 7] },
      },
    });
    expect(broken.system).toBeNull();
    expect(broken.turns.get('a')).toEqual([{ role: 'user', content: 'hi' }]);
    expect(broken.turns.has('b')).toBe(false);
    expect(broken.problem).toMatch(/^The suite embedded in this report does not validate \(/u);
  });
});
