import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cutSpans, parseToolCalls, removedSpans } from '../../../../src/core/parser/index.ts';
import type { CallFormat, NearMissKind } from '../../../../src/core/parser/index.ts';

// Test data as data: fixtures/<group>/<case>.txt is a model output (exact bytes), and
// <case>.expected.json what the parser must make of it.
interface Expected {
  text: string;
  calls: { name: string; arguments: Record<string, unknown>; format: CallFormat }[];
  nearMisses: NearMissKind[];
}

const root = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const groups = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const cases = groups.flatMap((group) =>
  readdirSync(join(root, group))
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const base = join(root, group, file.slice(0, -'.txt'.length));
      return {
        name: `${group}/${file}`,
        input: readFileSync(`${base}.txt`, 'utf8'),
        expected: JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as Expected,
      };
    }),
);

describe('parser fixtures', () => {
  it.each(cases)('$name', ({ input, expected }) => {
    const result = parseToolCalls(input);
    expect({
      text: result.text,
      calls: result.calls.map(({ name, arguments: args, format }) => ({ name, arguments: args, format })),
      nearMisses: result.nearMisses.map((miss) => miss.kind),
    }).toEqual(expected);
    for (const miss of result.nearMisses) expect(miss.detail.length).toBeGreaterThan(20);
    expect(cutSpans(input, removedSpans(input, result)).trim()).toBe(result.text);
  });

  it('cover every format, every near-miss kind, CRLF and unicode', () => {
    const results = cases.map(({ input }) => parseToolCalls(input));
    const formats = new Set(results.flatMap((r) => r.calls.map((call) => call.format)));
    const kinds = new Set(results.flatMap((r) => r.nearMisses.map((miss) => miss.kind)));
    expect([...formats].sort()).toEqual(['broken-xml', 'fenced-json', 'tagged-json', 'tagged-xml']);
    expect([...kinds].sort()).toEqual([
      'bad-json',
      'multiple-objects',
      'not-a-call',
      'tool-key',
      'unclosed-tag',
      'unlabelled-fence',
    ]);
    expect(cases.filter(({ input }) => input.includes('\r\n')).length).toBeGreaterThanOrEqual(4);
    expect(
      cases.some(({ input }) => /\p{Script=Han}/u.test(input) && /\p{Extended_Pictographic}/u.test(input)),
    ).toBe(true);
  });
});
