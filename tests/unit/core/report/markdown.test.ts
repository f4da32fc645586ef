import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../../../src/core/report/escapeMarkdown.ts';
import { renderMarkdownSummary } from '../../../../src/core/report/renderMarkdownSummary.ts';
import { copy, loadReport } from './fixtures.ts';

const rich = loadReport('rich');

/** What a Markdown renderer shows for escaped text: backslash escapes removed. */
function unescape(text: string): string {
  return text.replace(/\\([\\`*_[\]<>|~&$])/gu, '$1');
}

describe('escapeMarkdown', () => {
  it('escapes every character Markdown would act on, and reads back as the same text', () => {
    const text = 'a|b *c* _d_ `e` [f](g) ![h](i) <b>j</b> &amp; ~~k~~ $x$ \\ end';
    const escaped = escapeMarkdown(text);
    expect(escaped).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\[f\\](g) !\\[h\\](i) \\<b\\>j\\</b\\> \\&amp; \\~\\~k\\~\\~ \\$x\\$ \\\\ end',
    );
    expect(unescape(escaped)).toBe(text);
  });

  it('turns line breaks into spaces, so a string cannot end a table row', () => {
    expect(escapeMarkdown('a\nb\r\nc\rd\u2028e')).toBe('a b c d e');
  });
});

describe('renderMarkdownSummary', () => {
  const md = renderMarkdownSummary(rich);

  it('has the run header, the summary line, the category table and the failing cases in words', () => {
    expect(md).toBe(`### tabeval: tabeval-demo 2

- **Suite:** tabeval-demo 2 (sha256 0ee6e4316a0a…, 12 cases)
- **Model:** Qwen2.5-Coder-1.5B-Instruct-q4f16\\_1-MLC (WebLLM 0.2.86 (in the tab))
- **Device:** apple metal-3
- **Date:** 2026-01-15 10:00 UTC
- **Parameters:** temperature 0, top\\_p 1, max\\_tokens 1024, seed 42, tool\\_call\\_mode prompt, samples 1

**Punie score (mean over cases) 81.3 %** (Bootstrap 95 % CI 56.3 – 100.0 %) · macro 84.6 % · passed 7/12 (58.3 %, Wilson 95 % CI 32.0 – 80.7 %)

| Category | Cases | Mean | 95 % CI | Passed |
| --- | ---: | ---: | ---: | ---: |
| tool\\_calling | 5 | 80.0 % | 37.6 – 96.4 % | 3/5 |
| code\\_generation | 3 | 91.7 % | 83.1 – 100.0 % | 2/3 |
| reasoning | 3 | 66.7 % | 20.8 – 93.9 % | 1/3 |
| multi\\_turn | 1 | 100.0 % | 20.7 – 100.0 % | 1/1 |

**Failing cases (5):**

- call-write: required argument "content" missing
- call-tool-key: tool run\\_command was not called; an expected call was not made
- code-debounce: keyword "generic" not found
- math-product: the final answer is wrong
- engine-error: engine error: no output
`);
  });

  it('escapes pipes and Markdown in category names, model ids and parameters', () => {
    const report = copy(rich);
    report.summary.categories[0]!.name = 'a|b [x](javascript:y)';
    if (report.source.kind !== 'webllm') throw new Error('rich is a WebLLM report');
    report.source.model.id = '![img](http://e/x.png) <script>';
    report.params = { ...report.params, stop: ['k|*v*'] };
    const out = renderMarkdownSummary(report);
    expect(out).toContain('| a\\|b \\[x\\](javascript:y) | 5 |');
    expect(out).toContain('- **Model:** !\\[img\\](http://e/x.png) \\<script\\>');
    expect(out).toContain('stop k\\|\\*v\\*');
    expect(out).not.toMatch(/(?<!\\)[<[]/u);
  });
});
