import { describe, expect, it } from 'vitest';
import { parseToolCalls } from '../../../../src/core/parser/index.ts';

// Long inputs that make a backtracking parser (Punie's regexes) quadratic. The assertions are on the
// results only, never on time: a super-linear parser shows up as a test run that takes minutes.
const N = 20_000;

describe('long adversarial inputs', () => {
  it('repeated unclosed <tool_call>{: one unclosed-tag near miss each, text kept', () => {
    const input = '<tool_call>{'.repeat(N);
    expect(input.length).toBeGreaterThan(50_000);
    const result = parseToolCalls(input);
    expect(result.calls).toEqual([]);
    expect(result.nearMisses).toHaveLength(N);
    expect(result.nearMisses.every((miss) => miss.kind === 'unclosed-tag')).toBe(true);
    expect(result.nearMisses[N - 1]).toMatchObject({ start: (N - 1) * 12, end: (N - 1) * 12 + 11 });
    expect(result.text).toBe(input);
  });

  it('repeated <tool_call>{ closed once at the very end: one block, not a call, removed', () => {
    const result = parseToolCalls(`${'<tool_call>{'.repeat(N)}</tool_call> after`);
    expect(result.calls).toEqual([]);
    expect(result.nearMisses.map((miss) => miss.kind)).toEqual(['bad-json']);
    expect(result.text).toBe('after');
  });

  it('repeated <function=a>: nothing', () => {
    const input = '<function=a>'.repeat(N);
    expect(parseToolCalls(input)).toEqual({ text: input, calls: [], nearMisses: [] });
  });

  it('repeated <function=a><parameter=p> closed once at the end: one broken-XML call', () => {
    const input = `${'<function=a><parameter=p>'.repeat(N)}v</parameter></function></tool_call>`;
    const result = parseToolCalls(input);
    expect(result.calls).toHaveLength(1);
    expect(result.calls[0]).toMatchObject({ name: 'a', format: 'broken-xml', start: 0, end: input.length });
    expect(result.text).toBe('');
  });

  it('repeated <function= without any >: nothing', () => {
    const input = `${'<function='.repeat(N)}</function></tool_call>`;
    expect(parseToolCalls(input)).toEqual({ text: input, calls: [], nearMisses: [] });
  });

  it('repeated ```json openers: no call, no near miss, text kept', () => {
    const input = '```json\n'.repeat(N);
    expect(parseToolCalls(input)).toEqual({ text: input.trim(), calls: [], nearMisses: [] });
  });

  it('repeated ```json openers with call-shaped content and no closing fence: nothing', () => {
    const input = '```json\n{"name": "a"}'.repeat(N);
    expect(parseToolCalls(input)).toEqual({ text: input, calls: [], nearMisses: [] });
  });

  it('repeated unlabelled fences holding calls: one unlabelled-fence near miss each', () => {
    const input = '```\n{"name": "a"}\n```\n'.repeat(N / 4);
    const result = parseToolCalls(input);
    expect(result.calls).toEqual([]);
    expect(result.nearMisses).toHaveLength(N / 4);
    expect(new Set(result.nearMisses.map((miss) => miss.kind))).toEqual(new Set(['unlabelled-fence']));
  });

  it('thousands of calls of all formats, in document order', () => {
    const block = [
      '<tool_call>{"name": "t", "arguments": {"i": 1}}</tool_call>',
      '```json\n{"name": "f", "arguments": {}}\n```',
      '<tool_call><function=x><parameter=p>1</parameter></function></tool_call>',
      '<function=b><parameter=q>2</parameter></function></tool_call>',
      'prose between calls',
    ].join('\n');
    const input = `${block}\n`.repeat(2_000);
    expect(input.length).toBeGreaterThan(50_000);
    const result = parseToolCalls(input);
    expect(result.calls).toHaveLength(8_000);
    expect(result.calls.slice(0, 4).map((call) => call.name)).toEqual(['t', 'f', 'x', 'b']);
    expect(result.nearMisses).toEqual([]);
    expect(result.text.split('prose between calls')).toHaveLength(2_001);
  });

  it('deeply nested JSON inside a tag: a near miss, no exception', () => {
    const deep = `<tool_call>{"name": "a", "arguments": {"x": ${'['.repeat(100_000)}}}</tool_call>`;
    const result = parseToolCalls(deep);
    expect(result.calls).toEqual([]);
    expect(result.nearMisses.map((miss) => miss.kind)).toEqual(['bad-json']);
  });

  it('a megabyte of prose with a few calls', () => {
    const prose = 'The quick brown fox < jumps over ` the lazy dog {"name"}. '.repeat(17_000);
    const input = `${prose}<tool_call>{"name": "a"}</tool_call>${prose}\`\`\`json\n{"name": "b"}\n\`\`\`${prose}`;
    expect(input.length).toBeGreaterThan(1_000_000);
    const result = parseToolCalls(input);
    expect(result.calls.map((call) => call.name)).toEqual(['a', 'b']);
    expect(result.text).toBe(`${prose}${prose}${prose}`.trim());
  });

  it('lone surrogates, NUL and other control characters anywhere', () => {
    const odd = '\ud800\u0000\udfff\u0001\u2028\ufeff';
    const input = `${odd}<tool_call>{"name": "a${odd.replace('\u0000', '\\u0000').replace('\u0001', '\\u0001')}"}</tool_call>${odd}<tool_call>${odd}</tool_call>`;
    const result = parseToolCalls(input);
    expect(result.calls).toHaveLength(1);
    expect(result.nearMisses.map((miss) => miss.kind)).toEqual(['bad-json']);
  });
});
