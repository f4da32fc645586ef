// Reports whose every string is arbitrary unicode (markup, quotes, ampersands, line breaks, lone
// surrogates, astral characters) must render without throwing, and no string may change the
// structure of the HTML: the page of a report must have exactly the elements of the same report
// with its HTML-special characters swapped for inert ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../../src/core/report/escapeMarkdown.ts';
import { renderCsv } from '../../../../src/core/report/renderCsv.ts';
import { renderHtmlReport } from '../../../../src/core/report/renderHtmlReport.ts';
import { renderMarkdownComparison } from '../../../../src/core/compare/renderMarkdownComparison.ts';
import { renderMarkdownSummary } from '../../../../src/core/report/renderMarkdownSummary.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import { copy, loadReport } from './fixtures.ts';
import { parseCsv } from './csvParse.ts';
import { liveMarkup, parseHtml, tagSequence } from './htmlInspect.ts';

const base = loadReport('rich');
base.cases = base.cases.slice(0, 3);

// Private-use characters stand in for the HTML-special ones: same length, no meaning in HTML.
const INERT: Record<string, string> = {
  '<': '\uE000',
  '>': '\uE001',
  '&': '\uE002',
  '"': '\uE003',
  "'": '\uE004',
};
const SPECIAL = /[<>&"']/gu;

// Strings biased towards markup, mixed with arbitrary unicode (lone surrogates included).
const markupish = fc.constantFrom(
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><a href='javascript:x'>",
  '</pre></details><b>',
  '&lt;&amp;&#x3c;',
  '<!--',
  ']]>',
  '<style>*{}</style>',
);
const text = fc
  .array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), markupish), { maxLength: 4 })
  .map((parts) => parts.join(''))
  .filter((s) => !/[\uE000-\uE004]/u.test(s));

interface Strings {
  suiteId: string;
  version: string;
  hash: string;
  createdAt: string;
  model: string;
  url: string;
  engine: string;
  paramKey: string;
  paramValue: string;
  vendor: string;
  userAgent: string;
  ids: [string, string, string];
  categories: [string, string];
  outputs: [string, string];
  reason: string;
  error: string;
  callName: string;
  argKey: string;
  argValue: string;
  nearMiss: string;
  prompt: string;
  systemPrompt: string;
}

const strings: fc.Arbitrary<Strings> = fc.record({
  suiteId: text,
  version: text,
  hash: text,
  createdAt: text,
  model: text,
  url: text,
  engine: text,
  paramKey: text,
  paramValue: text,
  vendor: text,
  userAgent: text,
  ids: fc.tuple(text, text, text),
  categories: fc.tuple(text, text),
  outputs: fc.tuple(text, text),
  reason: text,
  error: text,
  callName: text,
  argKey: text,
  argValue: text,
  nearMiss: text,
  prompt: text,
  systemPrompt: text,
});

function buildReport(s: Strings): Report {
  const r = copy(base);
  r.suite = {
    id: s.suiteId,
    version: s.version,
    hash: s.hash,
    content: {
      id: s.suiteId,
      system_prompt: s.systemPrompt,
      cases: [
        { id: s.ids[0], prompt: s.prompt },
        { id: s.ids[1], messages: [{ role: 'user', content: s.prompt }] },
      ],
    },
  };
  r.createdAt = s.createdAt;
  r.source = { kind: 'webllm', version: s.engine, model: { id: s.model, url: s.url, libUrl: s.url } };
  r.params = { ...r.params, stop: [s.paramKey, s.paramValue] };
  r.device = {
    label: s.paramKey,
    browserVersion: s.paramValue,
    adapter: {
      vendor: s.vendor,
      architecture: s.vendor,
      device: '',
      description: '',
      isFallbackAdapter: false,
    },
    userAgent: s.userAgent,
  };
  r.cases.forEach((c, i) => {
    c.id = s.ids[i]!;
    c.category = s.categories[i % 2]!;
    c.reasons = [s.reason, `calls:${s.reason}`];
    for (const v of c.verdicts) v.reasons = [s.reason, `missing_keyword:${s.reason}`];
    c.nearMisses = [{ kind: 'bad-json', start: 0, end: 1, detail: s.nearMiss }];
    c.calls = [
      { name: s.callName, arguments: { [s.argKey]: s.argValue }, format: 'tagged-json', start: 0, end: 1 },
    ];
  });
  r.cases[0]!.output = s.outputs[0];
  r.cases[1]!.output = s.outputs[1];
  r.cases[2]!.output = null;
  r.cases[2]!.error = s.error;
  const [first, second] = base.summary.categories;
  r.summary.categories = [
    { ...first!, name: s.categories[0] },
    { ...second!, name: s.categories[1] },
  ];
  return r;
}

function inert(s: Strings): Strings {
  return JSON.parse(JSON.stringify(s), (_key, value: unknown) =>
    typeof value === 'string' ? value.replace(SPECIAL, (c) => INERT[c]!) : value,
  ) as Strings;
}

describe('renderers on reports of arbitrary strings', () => {
  it('the HTML never gets an element from a report string', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const page = parseHtml(renderHtmlReport(buildReport(s)));
        expect(liveMarkup(page)).toEqual([]);
        expect(tagSequence(page)).toEqual(tagSequence(parseHtml(renderHtmlReport(buildReport(inert(s))))));
        // The output comes back as text, exactly (up to the HTML parser's newline rules).
        const shown = page.querySelectorAll('details.case')[0]!.querySelectorAll('pre')[1]?.textContent;
        const normalize = (t: string) => t.replace(/\r\n?/gu, '\n').replace(/\0/gu, '\uFFFD');
        if (s.outputs[0].length > 0 && !/[\uD800-\uDFFF]/u.test(s.outputs[0]))
          expect(shown).toBe(normalize(s.outputs[0]));
      }),
      { numRuns: 30 },
    );
  }, 60_000);

  it('CSV and Markdown never throw; CSV reads back every case id; Markdown leaves no active character bare', () => {
    fc.assert(
      fc.property(strings, (s) => {
        const report = buildReport(s);
        const records = parseCsv(renderCsv(report));
        expect(records).toHaveLength(report.cases.length + 1);
        records.slice(1).forEach((record, i) => {
          const id = report.cases[i]!.id;
          expect(record[0]).toBe(/^[=+\-@\t\r]/u.test(id) ? `'${id}` : id);
        });
        for (const md of [renderMarkdownSummary(report), renderMarkdownComparison([report, report])]) {
          expect(typeof md).toBe('string');
        }
        const escaped = escapeMarkdown(s.model);
        expect(escaped).not.toMatch(/[\n\r]/u);
        expect(escaped.replace(/\\[\\`*_[\]<>|~&$]/gu, '')).not.toMatch(/[\\`*_[\]<>|~&$]/u);
      }),
      { numRuns: 100 },
    );
  });
});
