import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseToolCalls } from '../../../../src/core/parser/index.ts';
import { grammarText, wellFormedDocument } from './arbitraries.ts';
import { punieOracle } from './punieOracle.ts';

// Differential test against a naive model of Punie's parser: wherever Punie returns calls (and does
// not hit one of its defects, see punieOracle.ts), tabeval returns the same calls, in document order,
// and the same text.
function expectPunieCompatible(text: string): boolean {
  const punie = punieOracle(text);
  if (!punie.comparable) return false;
  const ours = parseToolCalls(text);
  const strip = ({
    name,
    arguments: args,
    format,
  }: {
    name: unknown;
    arguments: unknown;
    format: string;
  }) => ({
    name,
    arguments: args,
    format,
  });
  const punieCalls = [...punie.calls].sort((a, b) => a.start - b.start);
  expect(ours.calls.map(strip)).toEqual(punieCalls.map(strip));
  expect(ours.calls.map((c) => [c.start, c.end])).toEqual(punieCalls.map((c) => [c.start, c.end]));
  if (punie.calls.length > 0) expect(ours.text).toBe(punie.text);
  return true;
}

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixtureInputs = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) =>
    readdirSync(join(fixtures, dir.name))
      .filter((file) => file.endsWith('.txt'))
      .map((file) => ({
        name: `${dir.name}/${file}`,
        text: readFileSync(join(fixtures, dir.name, file), 'utf8'),
      })),
  );

describe('compatibility with Punie', () => {
  it.each(fixtureInputs)('fixture $name', ({ text }) => {
    expectPunieCompatible(text);
  });

  it('matches on strings built from the grammar', () => {
    let compared = 0;
    let withCalls = 0;
    fc.assert(
      fc.property(grammarText, (text) => {
        if (expectPunieCompatible(text)) compared++;
        if (punieOracle(text).calls.length > 0) withCalls++;
      }),
      { numRuns: 3000 },
    );
    // The generator must actually reach the interesting cases.
    expect(compared).toBeGreaterThan(2000);
    expect(withCalls).toBeGreaterThan(100);
  });

  it('matches on documents of well-formed calls', () => {
    fc.assert(
      fc.property(wellFormedDocument, (doc) => {
        expect(expectPunieCompatible(doc.text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('differs where Punie has defects: document order, numbers and strings in fences', () => {
    const text =
      '<function=g><parameter=q>1</parameter></function></tool_call>\n<tool_call>{"name": "t"}</tool_call>';
    expect(punieOracle(text).calls.map((c) => c.name)).toEqual(['t', 'g']);
    expect(parseToolCalls(text).calls.map((c) => c.name)).toEqual(['g', 't']);
    expect(parseToolCalls('```json\n42\n```').calls).toEqual([]);
    expect(parseToolCalls('```json\nnull\n```').calls).toEqual([]);
    expect(parseToolCalls('```json\n"name"\n```').calls).toEqual([]);
  });
});
