import { describe, expect, it } from 'vitest';
import { validateSuite } from '../../../../src/core/suite/validateSuite.ts';
import { suiteData, validSuite } from './fixtures.ts';

type Data = ReturnType<typeof suiteData>;

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = validateSuite(input);
  if (result.ok) throw new Error('expected the suite to be rejected');
  return result.issues;
}

describe('validateSuite: valid suites', () => {
  it('accepts a valid suite and returns it unchanged', () => {
    const result = validateSuite(structuredClone(validSuite));
    expect(result).toEqual({ ok: true, value: validSuite });
  });

  it('unwraps OpenAI tool definitions to the inner form', () => {
    const data = suiteData();
    data.tools = data.tools.map((tool) => ({ type: 'function', function: tool }));
    const result = validateSuite(data);
    expect(result.ok && result.value.tools).toEqual(validSuite.tools);
  });

  it('accepts and drops $schema', () => {
    const result = validateSuite({ $schema: './schema.json', ...suiteData() });
    expect(result.ok).toBe(true);
    expect(result.ok && '$schema' in result.value).toBe(false);
  });

  it('does not change its input', () => {
    const data = { $schema: './schema.json', ...suiteData() };
    data.tools = data.tools.map((tool) => ({ type: 'function', function: tool }));
    const before = structuredClone(data);
    validateSuite(data);
    expect(data).toEqual(before);
  });

  it('accepts tools with extra JSON Schema keywords and an empty tool list', () => {
    const data = suiteData();
    (data.tools[0] as { parameters: Record<string, unknown> }).parameters.additionalProperties = false;
    expect(validateSuite(data).ok).toBe(true);
    expect(
      validateSuite({ ...suiteData(), tools: [], cases: [{ id: 'a', category: 'b', prompt: 'c' }] }).ok,
    ).toBe(true);
  });
});

// Each row: a change to the valid suite, then the path and message fragments of the expected issue.
const badInputs: [string, (data: Data) => void, string, string][] = [
  [
    'unknown matcher key',
    (d) => (call(d, 0).arguments!.path = { equal: '/etc/hosts' }),
    'cases[0].expected_calls[0].arguments.path',
    "unknown matcher 'equal' (did you mean 'equals'?)",
  ],
  [
    'two matcher keys',
    (d) => (call(d, 0).arguments!.path = { equals: 'a', regex: 'b' }),
    'cases[0].expected_calls[0].arguments.path',
    "this one has 'equals', 'regex'",
  ],
  [
    'a bare value instead of a matcher',
    (d) => (call(d, 0).arguments!.path = '/etc/hosts'),
    'cases[0].expected_calls[0].arguments.path',
    'expected a matcher such as',
  ],
  [
    'one_of that is not an array',
    (d) => (call(d, 0).arguments!.path = { one_of: 'a' }),
    'cases[0].expected_calls[0].arguments.path',
    "'one_of' must be an array",
  ],
  [
    'empty one_of',
    (d) => (call(d, 0).arguments!.path = { one_of: [] }),
    'cases[0].expected_calls[0].arguments.path.one_of',
    'at least one value',
  ],
  [
    'unknown type name',
    (d) => (call(d, 0).arguments!.path = { type: 'str' }),
    'cases[0].expected_calls[0].arguments.path',
    "'type' must be one of",
  ],
  [
    'optional that is not boolean',
    (d) => (call(d, 0).arguments!.path = { equals: 'a', optional: 'yes' }),
    'cases[0].expected_calls[0].arguments.path',
    "'optional' must be true or false",
  ],
  [
    'missing required field',
    (d) => delete d.cases[0]!.category,
    'cases[0].category',
    "missing required field 'category'",
  ],
  ['missing top-level field', (d) => delete d.version, 'version', "missing required field 'version'"],
  ['wrong type', (d) => (d.cases[0]!.prompt = 5), 'cases[0].prompt', 'expected a string, got the number 5'],
  [
    'wrong array type',
    (d) => (d.cases[0]!.expected_tools = 'read_file'),
    'cases[0].expected_tools',
    'expected an array of tool names',
  ],
  [
    'empty expectation list',
    (d) => (d.cases[0]!.expected_keywords = []),
    'cases[0].expected_keywords',
    'must not be empty',
  ],
  ['empty case list', (d) => (d.cases = []), 'cases', 'at least one case'],
  [
    'unknown case key (typo)',
    (d) => (d.cases[0]!.expected_tool = ['read_file']),
    'cases[0].expected_tool',
    "unknown field 'expected_tool' (did you mean 'expected_tools'?)",
  ],
  ['unknown top-level key', (d) => (d.tool = []), 'tool', "did you mean 'tools'?"],
  [
    'unknown key without a near match',
    (d) => (d.cases[0]!.weight = 2),
    'cases[0].weight',
    'allowed: id, category',
  ],
  [
    'bad call_order',
    (d) => (d.cases[0]!.call_order = 'ordered'),
    'cases[0].call_order',
    'expected "any" or "exact"',
  ],
  [
    'answer with an unknown key',
    (d) => (d.cases[3]!.answer = { equal: '4' }),
    'cases[3].answer',
    "unknown answer key 'equal'",
  ],
  [
    'answer with both keys',
    (d) => (d.cases[3]!.answer = { equals: '4', regex: '4' }),
    'cases[3].answer',
    'not both',
  ],
  [
    'parameters that are not an object schema',
    (d) => ((d.tools[0] as { parameters: unknown }).parameters = { type: 'array' }),
    'tools[0].parameters.type',
    'expected "object"',
  ],
  [
    'OpenAI wrapper with a bad inner tool',
    (d) => (d.tools[0] = { type: 'function', function: { parameters: { type: 'object' } } }),
    'tools[0].function.name',
    "missing required field 'name'",
  ],
  [
    'duplicate case ids',
    (d) => (d.cases[1]!.id = 'read'),
    'cases[1].id',
    "duplicate case id 'read' (first at cases[0].id)",
  ],
  [
    'duplicate tool names',
    (d) => (d.tools[1]!.name = 'read_file'),
    'tools[1].name',
    "duplicate tool name 'read_file'",
  ],
  [
    'undeclared expected tool',
    (d) => (d.cases[0]!.expected_tools = ['read_fil']),
    'cases[0].expected_tools[0]',
    "tool 'read_fil' is not declared in tools (did you mean 'read_file'?)",
  ],
  [
    'undeclared expected call',
    (d) => (call(d, 0).name = 'write_file'),
    'cases[0].expected_calls[0].name',
    "tool 'write_file' is not declared",
  ],
  [
    'argument that is not a parameter',
    (d) => (call(d, 0).arguments = { pth: { equals: 'a' } }),
    'cases[0].expected_calls[0].arguments.pth',
    "'pth' is not a parameter of read_file (did you mean 'path'?)",
  ],
  [
    'equals of the wrong type',
    (d) => (call(d, 0).arguments!.start_line = { equals: '10' }),
    'cases[0].expected_calls[0].arguments.start_line.equals',
    "does not have the parameter's type integer",
  ],
  [
    'one_of value outside the enum',
    (d) => (call(d, 0).arguments!.mode = { one_of: ['text', 'utf8'] }),
    'cases[0].expected_calls[0].arguments.mode.one_of[1]',
    'is not one of the allowed values "text", "binary"',
  ],
  [
    'type matcher that can never match',
    (d) => (call(d, 0).arguments!.path = { type: 'integer' }),
    'cases[0].expected_calls[0].arguments.path.type',
    "the parameter's type is string",
  ],
  [
    'matcher regex that does not compile',
    (d) => (call(d, 1).arguments!.command = { regex: '(echo' }),
    'cases[1].expected_calls[0].arguments.command.regex',
    'invalid regular expression',
  ],
  [
    'answer regex that does not compile',
    (d) => (d.cases[3]!.answer = { regex: '[0-' }),
    'cases[3].answer.regex',
    'invalid regular expression',
  ],
  [
    'both prompt and messages',
    (d) => (d.cases[1]!.prompt = 'Hi'),
    'cases[1]',
    "has both 'prompt' and 'messages'",
  ],
  [
    'neither prompt nor messages',
    (d) => delete d.cases[2]!.prompt,
    'cases[2]',
    "needs a 'prompt' or 'messages'",
  ],
  [
    'a system message in a case',
    (d) => ((d.cases[1]!.messages as { role: string }[])[0]!.role = 'system'),
    'cases[1].messages[0].role',
    "no 'system' messages",
  ],
  [
    'a conversation ending with the assistant',
    (d) =>
      (d.cases[1]!.messages = [
        { role: 'user', content: 'a' },
        { role: 'assistant', content: 'b' },
      ]),
    'cases[1].messages[1].role',
    "the last message must come from 'user' or 'tool'",
  ],
  [
    'expect_no_call with expected_calls',
    (d) => (d.cases[1]!.expect_no_call = true),
    'cases[1].expect_no_call',
    'contradicts expected_calls',
  ],
  [
    'expect_no_call with expected_tools',
    (d) => (d.cases[2]!.expected_tools = ['read_file']),
    'cases[2].expect_no_call',
    'contradicts expected_tools',
  ],
  [
    'call_order without expected_calls',
    (d) => (d.cases[2]!.call_order = 'exact'),
    'cases[2].call_order',
    'no effect without expected_calls',
  ],
  [
    'keywords_whole_word without keywords',
    (d) => (d.cases[2]!.keywords_whole_word = true),
    'cases[2].keywords_whole_word',
    'no effect without expected_keywords',
  ],
  [
    'required parameter that is not a property',
    (d) => ((d.tools[0] as { parameters: { required: string[] } }).parameters.required = ['pth']),
    'tools[0].parameters.required[0]',
    "'pth' is not among the properties",
  ],
  [
    'a reserved key',
    (d) => (call(d, 0).arguments = JSON.parse('{"__proto__": {"equals": 1}}') as never),
    'cases[0].expected_calls[0].arguments.__proto__',
    "the key '__proto__' is reserved",
  ],
  [
    'a key that is not an identifier',
    (d) => (call(d, 0).arguments = { 'file-name': { equals: 'a' } }),
    'cases[0].expected_calls[0].arguments["file-name"]',
    "'file-name' is not a parameter",
  ],
];

function call(data: Data, caseIndex: number): { name: string; arguments?: Record<string, unknown> } {
  const calls = data.cases[caseIndex]!.expected_calls as {
    name: string;
    arguments?: Record<string, unknown>;
  }[];
  return calls[0]!;
}

describe('validateSuite: invalid suites', () => {
  it.each(badInputs)('rejects %s', (_name, change, path, message) => {
    const data = suiteData();
    change(data);
    const issues = issuesOf(data);
    expect(issues).toContainEqual({ path, message: expect.stringContaining(message) as string });
  });

  it('lists every problem at once, in reading order', () => {
    const data = suiteData();
    data.tool = [];
    data.cases[0]!.expected_tool = ['x'];
    data.cases[0]!.promt = 'typo';
    call(data, 0).arguments!.path = { equal: 1 };
    call(data, 0).name = 'read_fil';
    data.cases[1]!.id = 'read';
    data.cases[1]!.prompt = 'both';
    data.cases[3]!.answer = { regex: '(' };
    expect(issuesOf(data).map((issue) => issue.path)).toEqual([
      'cases[0].expected_calls[0].name',
      'cases[0].expected_calls[0].arguments.path',
      'cases[0].expected_tool',
      'cases[0].promt',
      'cases[1]',
      'cases[1].id',
      'cases[3].answer.regex',
      'tool',
    ]);
  });

  it('reports every unknown key of an object, not only the first', () => {
    const data = suiteData();
    Object.assign(data.cases[0]!, { a: 1, b: 2, c: 3 });
    const paths = issuesOf(data).map((issue) => issue.path);
    expect(paths).toEqual(['cases[0].a', 'cases[0].b', 'cases[0].c']);
  });

  it('keeps checking references when other parts are broken', () => {
    const data = suiteData();
    data.cases[0]!.category = 7;
    call(data, 0).name = 'nope';
    const paths = issuesOf(data).map((issue) => issue.path);
    expect(paths).toEqual(['cases[0].category', 'cases[0].expected_calls[0].name']);
  });

  it('does not call a tool undeclared when only its definition is broken', () => {
    const data = suiteData();
    (data.tools[0] as { description: unknown }).description = 5;
    expect(issuesOf(data)).toEqual([
      { path: 'tools[0].description', message: 'expected a description, got the number 5' },
    ]);
  });

  it.each([
    [undefined, '(root)', 'undefined is not a JSON value'],
    [null, '(root)', 'expected a suite (an object), got null'],
    ['suite', '(root)', 'expected a suite (an object), got the string "suite"'],
    [[], '(root)', 'expected a suite (an object), got an array'],
    [{ ...suiteData(), id: Number.NaN }, 'id', 'NaN is not a JSON number'],
    [{ ...suiteData(), id: () => 'x' }, 'id', 'a function is not a JSON value'],
    [{ ...suiteData(), id: new Date(0) }, 'id', '[object Date] is not plain JSON data'],
  ])('rejects a value that is not a JSON suite: %s', (input, path, message) => {
    expect(issuesOf(input)).toEqual([{ path, message }]);
  });

  it('rejects cycles and deep nesting without overflowing the stack', () => {
    const cyclic = suiteData();
    cyclic.cases[0]!.self = cyclic.cases[0];
    expect(issuesOf(cyclic)).toEqual([
      { path: 'cases[0].self', message: 'the value contains itself (a cycle)' },
    ]);
    let deep: unknown = 1;
    for (let index = 0; index < 100_000; index++) deep = [deep];
    const nested = suiteData();
    call(nested, 0).arguments!.path = { equals: deep };
    expect(issuesOf(nested)[0]?.message).toMatch(/nested more than 64 levels/);
  });

  it('turns an exception from a hostile object into an issue', () => {
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom');
        },
      },
    );
    expect(issuesOf(hostile)).toEqual([{ path: '(root)', message: 'could not be validated (Error: boom)' }]);
  });
});

describe('a suite with very many problems', () => {
  it('lists the first 200 in reading order and counts the rest', () => {
    const data = suiteData() as Record<string, unknown>;
    for (let i = 0; i < 5000; i++) data[`junk${i}`] = i;
    const result = validateSuite(data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(201);
    expect(result.issues.at(-1)).toEqual({ path: '(root)', message: 'and 4800 more problems' });
  });
});
