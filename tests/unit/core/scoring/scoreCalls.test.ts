import { describe, expect, it } from 'vitest';
import { checkCall } from '../../../../src/core/scoring/checkCall.ts';
import { scoreCalls } from '../../../../src/core/scoring/scoreCalls.ts';
import type { ExpectedCall } from '../../../../src/core/suite/types.ts';
import { call, caseWith, parsedWith, TOOLS } from './fixtures.ts';

const searchTool = TOOLS.find((tool) => tool.name === 'search');
const readFile: ExpectedCall = { name: 'read_file', arguments: { path: { equals: '/etc/hosts' } } };

describe('checkCall', () => {
  it('accepts a fully correct call', () => {
    expect(checkCall(readFile, call('read_file', { path: '/etc/hosts' }), TOOLS[0])).toEqual([]);
  });

  it('reports only wrong_name for another tool', () => {
    expect(checkCall(readFile, call('write_file', { path: 1, x: 2 }), TOOLS[0])).toEqual(['wrong_name']);
  });

  it('missing_required: from the schema, and from a non-optional matcher', () => {
    expect(checkCall({ name: 'search' }, call('search', {}), searchTool)).toEqual(['missing_required:query']);
    const byMatcher: ExpectedCall = {
      name: 'search',
      arguments: { query: { type: 'string' }, limit: { equals: 5 } },
    };
    expect(checkCall(byMatcher, call('search', { query: 'x' }), searchTool)).toEqual([
      'missing_required:limit',
    ]);
    // Required by both: reported once.
    expect(checkCall(byMatcher, call('search', { limit: 5 }), searchTool)).toEqual([
      'missing_required:query',
    ]);
  });

  it('an optional matcher accepts absence, but not absence of a parameter the schema requires', () => {
    const optional: ExpectedCall = {
      name: 'search',
      arguments: { limit: { equals: 5, optional: true }, query: { regex: 'x', optional: true } },
    };
    expect(checkCall(optional, call('search', { query: 'x' }), searchTool)).toEqual([]);
    expect(checkCall(optional, call('search', {}), searchTool)).toEqual(['missing_required:query']);
    // Present optional parameters are still checked.
    expect(checkCall(optional, call('search', { query: 'x', limit: 6 }), searchTool)).toEqual([
      'value:limit',
    ]);
  });

  it('unexpected_argument for a parameter outside properties, unless the schema allows extras', () => {
    expect(checkCall({ name: 'read_file' }, call('read_file', { path: 'a', mode: 'r' }), TOOLS[0])).toEqual([
      'unexpected_argument:mode',
    ]);
    const open = { name: 'read_file', parameters: { ...TOOLS[0]!.parameters, additionalProperties: true } };
    expect(checkCall({ name: 'read_file' }, call('read_file', { path: 'a', mode: 'r' }), open)).toEqual([]);
    const noProperties = { name: 'read_file', parameters: { type: 'object' as const } };
    expect(checkCall({ name: 'read_file' }, call('read_file', { anything: 1 }), noProperties)).toEqual([]);
  });

  it('skips schema checks when the suite does not define the tool', () => {
    const expected: ExpectedCall = { name: 'ghost', arguments: { n: { equals: 1 } } };
    expect(checkCall(expected, call('ghost', { n: 1, extra: true }), undefined)).toEqual([]);
    expect(checkCall(expected, call('ghost', { n: 2 }), undefined)).toEqual(['value:n']);
  });

  it('type: checks JSON values against the schema (integer is a number, booleans, arrays, objects)', () => {
    const expected: ExpectedCall = { name: 'search' };
    const check = (args: Record<string, unknown>) =>
      checkCall(expected, call('search', { query: 'q', ...args }), searchTool);
    expect(check({ limit: 5, threshold: 1, regex: false, filters: { a: 1 }, page: null })).toEqual([]);
    expect(check({ limit: '5' })).toEqual(['type:limit']);
    expect(check({ limit: 5.5 })).toEqual(['type:limit']);
    expect(check({ threshold: '0.5' })).toEqual(['type:threshold']);
    expect(check({ regex: 'true' })).toEqual(['type:regex']);
    expect(check({ filters: [] })).toEqual(['type:filters']);
    expect(check({ query: 42 })).toEqual(['type:query']);
    expect(check({ page: 'x' })).toEqual(['type:page']);
    expect(
      checkCall({ name: 'run_command' }, call('run_command', { command: 'ls', args: '-l' }), TOOLS[2]),
    ).toEqual(['type:args']);
  });

  it('value: enum membership is a value check', () => {
    const check = (mode: unknown) =>
      checkCall({ name: 'search' }, call('search', { query: 'q', mode }), searchTool);
    expect(check('fast')).toEqual([]);
    expect(check('slow')).toEqual(['value:mode']);
    expect(check(3)).toEqual(['type:mode']);
  });

  it('converts XML string values by the schema type before checking', () => {
    const expected: ExpectedCall = {
      name: 'search',
      arguments: {
        query: { equals: 'main' },
        limit: { equals: 42 },
        threshold: { equals: 0.5 },
        regex: { equals: true },
        filters: { equals: { lang: 'py' } },
        page: { equals: null },
      },
    };
    const args = {
      query: 'main',
      limit: '42',
      threshold: '0.5',
      regex: 'true',
      filters: '{"lang": "py"}',
      page: 'null',
    };
    expect(checkCall(expected, call('search', args, 'tagged-xml'), searchTool)).toEqual([]);
    expect(checkCall(expected, call('search', args, 'broken-xml'), searchTool)).toEqual([]);
    // The same strings in a JSON call are type errors: JSON can say 42, so "42" is the model's choice.
    expect(checkCall(expected, call('search', args, 'tagged-json'), searchTool)).toEqual([
      'type:limit',
      'type:threshold',
      'type:regex',
      'type:filters',
      'type:page',
    ]);
  });

  it('converts XML arrays, and reports a failed conversion as type:<p>', () => {
    const expected: ExpectedCall = { name: 'run_command', arguments: { args: { equals: ['-l', '-a'] } } };
    const xml = (args: string) => call('run_command', { command: 'ls', args }, 'tagged-xml');
    expect(checkCall(expected, xml('["-l", "-a"]'), TOOLS[2])).toEqual([]);
    expect(checkCall(expected, xml('-l -a'), TOOLS[2])).toEqual(['type:args']);
    const limit = (value: string) =>
      checkCall({ name: 'search' }, call('search', { query: 'q', limit: value }, 'broken-xml'), searchTool);
    expect(limit('forty')).toEqual(['type:limit']);
    expect(limit('4.5')).toEqual(['type:limit']);
    const flag = checkCall(
      { name: 'search' },
      call('search', { query: 'q', regex: 'maybe' }, 'tagged-xml'),
      searchTool,
    );
    expect(flag).toEqual(['type:regex']);
    const obj = checkCall(
      { name: 'search' },
      call('search', { query: 'q', filters: 'lang=py' }, 'tagged-xml'),
      searchTool,
    );
    expect(obj).toEqual(['type:filters']);
  });

  it("uses a type matcher's type to convert an XML value when the schema declares none", () => {
    const expected: ExpectedCall = { name: 'ghost', arguments: { n: { type: 'integer' } } };
    expect(checkCall(expected, call('ghost', { n: '7' }, 'tagged-xml'), undefined)).toEqual([]);
    expect(checkCall(expected, call('ghost', { n: 'seven' }, 'tagged-xml'), undefined)).toEqual(['type:n']);
    expect(checkCall(expected, call('ghost', { n: '7' }, 'tagged-json'), undefined)).toEqual(['type:n']);
  });

  it('ignores malformed matchers instead of crashing (suites are untrusted)', () => {
    const malformed = { name: 'read_file', arguments: { path: {} } } as unknown as ExpectedCall;
    expect(checkCall(malformed, call('read_file', { path: 'a' }), TOOLS[0])).toEqual([]);
    const notAList = { name: 'read_file', arguments: { path: { one_of: 'a' } } } as unknown as ExpectedCall;
    expect(checkCall(notAList, call('read_file', { path: 'a' }), TOOLS[0])).toEqual(['value:path']);
  });

  it('equals / one_of / regex / type matchers', () => {
    const args = { command: 'echo hello', cwd: '/tmp', args: ['x'] };
    const check = (expected: ExpectedCall) => checkCall(expected, call('run_command', args), TOOLS[2]);
    expect(check({ name: 'run_command', arguments: { command: { equals: ' echo hello ' } } })).toEqual([]);
    expect(check({ name: 'run_command', arguments: { command: { equals: 'Echo hello' } } })).toEqual([
      'value:command',
    ]);
    expect(check({ name: 'run_command', arguments: { cwd: { one_of: ['.', '/tmp'] } } })).toEqual([]);
    expect(check({ name: 'run_command', arguments: { cwd: { one_of: ['.', './'] } } })).toEqual([
      'value:cwd',
    ]);
    // regex is a search, not a full match; anchors make it a full match.
    expect(check({ name: 'run_command', arguments: { command: { regex: 'hel+o' } } })).toEqual([]);
    expect(check({ name: 'run_command', arguments: { command: { regex: '^hello$' } } })).toEqual([
      'value:command',
    ]);
    expect(check({ name: 'run_command', arguments: { command: { regex: '^echo\\s+\\p{L}+$' } } })).toEqual(
      [],
    );
    // Non-strings are searched as their JSON text.
    expect(check({ name: 'run_command', arguments: { args: { regex: '^\\["x"\\]$' } } })).toEqual([]);
    expect(check({ name: 'run_command', arguments: { args: { type: 'array' } } })).toEqual([]);
    expect(check({ name: 'run_command', arguments: { cwd: { type: 'integer' } } })).toEqual(['type:cwd']);
  });

  it('a bad regex from the suite gives invalid_regex:<p>, not a crash', () => {
    const expected: ExpectedCall = { name: 'run_command', arguments: { command: { regex: '(unclosed' } } };
    expect(checkCall(expected, call('run_command', { command: 'ls' }), TOOLS[2])).toEqual([
      'invalid_regex:command',
    ]);
    const badEscape: ExpectedCall = { name: 'run_command', arguments: { command: { regex: '\\k' } } };
    expect(checkCall(badEscape, call('run_command', { command: 'ls' }), TOOLS[2])).toEqual([
      'invalid_regex:command',
    ]);
  });

  it('reports at most one failure per parameter, several parameters in order', () => {
    const expected: ExpectedCall = {
      name: 'write_file',
      arguments: { path: { equals: 'test.txt' }, content: { equals: 'Hello World' } },
    };
    expect(checkCall(expected, call('write_file', { path: 7, extra: 1 }), TOOLS[1])).toEqual([
      'missing_required:content',
      'type:path',
      'unexpected_argument:extra',
    ]);
  });
});

describe('scoreCalls', () => {
  const twoReads = caseWith({
    expected_calls: [
      { name: 'read_file', arguments: { path: { equals: 'a.py' } } },
      { name: 'read_file', arguments: { path: { equals: 'b.py' } } },
    ],
  });

  it('passes exactly the expected call', () => {
    const testCase = caseWith({ expected_calls: [readFile] });
    expect(scoreCalls(testCase, TOOLS, parsedWith(call('read_file', { path: '/etc/hosts' })))).toEqual({
      score: 1,
      passed: true,
      reasons: [],
    });
  });

  it('matches parallel calls in any order by default', () => {
    const parsed = parsedWith(call('read_file', { path: 'b.py' }), call('read_file', { path: 'a.py' }));
    expect(scoreCalls(twoReads, TOOLS, parsed).score).toBe(1);
  });

  it('with call_order "exact", pairs by position', () => {
    const parsed = parsedWith(call('read_file', { path: 'b.py' }), call('read_file', { path: 'a.py' }));
    const verdict = scoreCalls({ ...twoReads, call_order: 'exact' }, TOOLS, parsed);
    expect(verdict.score).toBe(0);
    expect(verdict.reasons).toEqual(['value:path', 'value:path']);
    const inOrder = parsedWith(call('read_file', { path: 'a.py' }), call('read_file', { path: 'b.py' }));
    expect(scoreCalls({ ...twoReads, call_order: 'exact' }, TOOLS, inOrder).passed).toBe(true);
  });

  it('chooses the pairing with the fewest failures, so reasons describe the closest call', () => {
    const testCase = caseWith({
      expected_calls: [
        {
          name: 'write_file',
          arguments: { path: { equals: 'test.txt' }, content: { equals: 'Hello World' } },
        },
        { name: 'read_file', arguments: { path: { equals: 'test.txt' } } },
      ],
    });
    const parsed = parsedWith(
      call('read_file', { path: 'test.txt' }),
      call('write_file', { path: 'test.txt', content: 'Hello world' }),
    );
    const verdict = scoreCalls(testCase, TOOLS, parsed);
    expect(verdict.score).toBe(0.5);
    expect(verdict.reasons).toEqual(['value:content']);
  });

  it('prefers a same-name pair with failures over a wrong_name pair', () => {
    const testCase = caseWith({
      expected_calls: [readFile, { name: 'run_command', arguments: { command: { equals: 'ls' } } }],
    });
    const parsed = parsedWith(call('run_command', { command: 'pwd' }), call('read_file', { path: '/etc' }));
    expect(scoreCalls(testCase, TOOLS, parsed).reasons).toEqual(['value:path', 'value:command']);
  });

  it('reports wrong_name when the only call is to another tool', () => {
    const verdict = scoreCalls(
      caseWith({ expected_calls: [readFile] }),
      TOOLS,
      parsedWith(call('list_files')),
    );
    expect(verdict).toEqual({ score: 0, passed: false, reasons: ['wrong_name'] });
  });

  it('missing_call for expected calls not made; score = correct / max(expected, made)', () => {
    const verdict = scoreCalls(twoReads, TOOLS, parsedWith(call('read_file', { path: 'a.py' })));
    expect(verdict.score).toBe(0.5);
    expect(verdict.reasons).toEqual(['missing_call']);
    expect(scoreCalls(twoReads, TOOLS, parsedWith()).reasons).toEqual(['missing_call', 'missing_call']);
  });

  it('extra_call for calls not expected: an extra call fails the case', () => {
    const parsed = parsedWith(
      call('read_file', { path: '/etc/hosts' }),
      call('read_file', { path: '/etc/hosts' }),
    );
    const verdict = scoreCalls(caseWith({ expected_calls: [readFile] }), TOOLS, parsed);
    expect(verdict).toEqual({ score: 0.5, passed: false, reasons: ['extra_call'] });
    const three = parsedWith(
      call('read_file', { path: 'a.py' }),
      call('read_file', { path: 'b.py' }),
      call('run_command', { command: 'ls' }),
    );
    expect(scoreCalls(twoReads, TOOLS, three).score).toBeCloseTo(2 / 3, 12);
  });

  it('expect_no_call passes only when no call was made, and takes precedence over expected_calls', () => {
    const testCase = caseWith({ expect_no_call: true, expected_calls: [readFile] });
    expect(scoreCalls(testCase, TOOLS, parsedWith())).toEqual({
      score: 1,
      passed: true,
      reasons: [],
    });
    expect(scoreCalls(testCase, TOOLS, parsedWith(call('read_file'), call('x')))).toEqual({
      score: 0,
      passed: false,
      reasons: ['call_not_expected'],
    });
  });

  it('an empty expected_calls list expects no calls (extra_call otherwise)', () => {
    expect(scoreCalls(caseWith({ expected_calls: [] }), TOOLS, parsedWith()).score).toBe(1);
    expect(scoreCalls(caseWith({ expected_calls: [] }), TOOLS, parsedWith(call('x'))).reasons).toEqual([
      'extra_call',
    ]);
  });

  it('stays fast and correct with many parallel calls', () => {
    const expected = Array.from({ length: 60 }, (_, i) => ({
      name: 'read_file',
      arguments: { path: { equals: `f${i}.py` } },
    }));
    const made = Array.from({ length: 60 }, (_, i) => call('read_file', { path: `f${59 - i}.py` }));
    expect(scoreCalls(caseWith({ expected_calls: expected }), TOOLS, parsedWith(...made)).score).toBe(1);
  });
});
