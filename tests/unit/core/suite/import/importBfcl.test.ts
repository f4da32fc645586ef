import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importBfcl, bfclCategory } from '../../../../../src/core/suite/import/importBfcl.ts';
import { BFCL_PYTHON_HINT } from '../../../../../src/core/suite/import/convertBfclFunction.ts';
import {
  detectSuiteFormat,
  isBfclAnswersText,
} from '../../../../../src/core/suite/import/detectSuiteFormat.ts';
import { readSuiteText } from '../../../../../src/core/suite/import/readSuiteText.ts';
import { validateSuite } from '../../../../../src/core/suite/validateSuite.ts';
import { scoreCalls } from '../../../../../src/core/scoring/scoreCalls.ts';
import { parseToolCalls } from '../../../../../src/core/parser/parseToolCalls.ts';
import type { Suite } from '../../../../../src/core/suite/types.ts';
import { BFCL_ANSWERS, BFCL_QUESTIONS, jsonLines } from './bfclFixtures.ts';

function imported(): { suite: Suite; notes: { path: string; message: string }[] } {
  const result = importBfcl(jsonLines(BFCL_QUESTIONS), jsonLines(BFCL_ANSWERS), {
    fileName: 'BFCL_sample.json',
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return { suite: result.value, notes: result.notes };
}

function passes(suite: Suite, id: string, output: string): { passed: boolean; reasons: string[] } {
  const testCase = suite.cases.find((c) => c.id === id)!;
  const outcome = scoreCalls(testCase, suite.tools, parseToolCalls(output));
  return { passed: outcome.passed, reasons: outcome.reasons };
}

const callText = (name: string, args: unknown) =>
  `<tool_call>\n${JSON.stringify({ name, arguments: args })}\n</tool_call>`;

describe('importBfcl', () => {
  it('converts one case of each category into a valid suite with per-case tools', () => {
    const { suite } = imported();
    expect(validateSuite(suite).ok).toBe(true);
    expect(suite.id).toBe('bfcl-sample');
    expect(suite.cases.map((c) => [c.id, c.category, c.tools])).toEqual([
      ['simple_python_0', 'simple', ['geometry.circle_area']],
      ['multiple_0', 'multiple', ['geometry.circle_area', 'weather.forecast']],
      ['parallel_0', 'parallel', ['weather.forecast']],
      ['parallel_multiple_0', 'parallel_multiple', ['hotel.book', 'geometry.circle_area']],
      ['irrelevance_0', 'irrelevance', ['geometry.circle_area']],
    ]);
    // Shared functions are declared once.
    expect(suite.tools.map((t) => t.name)).toEqual([
      'geometry.circle_area',
      'weather.forecast',
      'hotel.book',
    ]);
    expect(suite.cases[4]).toMatchObject({ expect_no_call: true, prompt: 'Who wrote Hamlet?' });
  });

  it("maps BFCL's type names and adds BFCL's Python hint to descriptions", () => {
    const { suite } = imported();
    const forecast = suite.tools.find((t) => t.name === 'weather.forecast')!;
    expect(forecast.parameters.type).toBe('object');
    expect(forecast.parameters.properties).toEqual({
      city: { type: 'string', description: 'City name.' },
      days: { type: 'integer', description: 'How many days.' },
      hours: { type: 'array', items: { type: 'integer' }, description: 'Hours of the day.' },
      extra: { description: 'Anything.' },
    });
    expect(forecast.description).toBe(`Forecast for a city.${BFCL_PYTHON_HINT}`);
    const book = suite.tools.find((t) => t.name === 'hotel.book')!;
    expect(book.parameters.properties?.['guest']).toMatchObject({
      type: 'object',
      properties: { vip: { type: 'boolean' } },
    });
    expect(suite.tools[0]!.parameters.properties?.['radius']).toMatchObject({ type: 'number' });
  });

  it('turns possible answers into matchers: "" as optional, BFCL strings, dicts expanded', () => {
    const { suite } = imported();
    const [simple, multiple, , parallelMultiple] = suite.cases;
    expect(simple!.expected_calls).toEqual([
      {
        name: 'geometry.circle_area',
        arguments: { radius: { equals: 2 }, units: { equals: 'cm', optional: true, strings: 'bfcl' } },
      },
    ]);
    expect(multiple!.expected_calls?.[0]?.arguments?.['city']).toEqual({
      one_of: ['San Francisco', 'SF'],
      strings: 'bfcl',
    });
    expect(parallelMultiple!.expected_calls?.[0]?.arguments?.['guest']).toEqual({
      one_of: [{ name: 'Ann', vip: true }, { name: 'Ann' }, { name: 'Anne', vip: true }, { name: 'Anne' }],
      strings: 'bfcl',
    });
  });

  it('scores like BFCL: string variants pass, wrong values and extra calls fail, parallel in any order', () => {
    const { suite } = imported();
    expect(
      passes(suite, 'multiple_0', callText('weather.forecast', { city: 'SAN FRANCISCO', days: 3 })).passed,
    ).toBe(true);
    expect(
      passes(suite, 'multiple_0', callText('weather.forecast', { city: 'Oakland', days: 3 })).reasons,
    ).toEqual(['value:city']);
    const rome = callText('weather.forecast', { city: 'Rome' });
    const paris = callText('weather.forecast', { city: 'paris', days: 1 });
    expect(passes(suite, 'parallel_0', `${rome}\n${paris}`).passed).toBe(true);
    expect(passes(suite, 'parallel_0', rome).reasons).toEqual(['missing_call']);
    expect(passes(suite, 'irrelevance_0', rome).reasons).toEqual(['call_not_expected']);
    expect(passes(suite, 'irrelevance_0', 'Shakespeare.').passed).toBe(true);
    const ann = callText('hotel.book', { guest: { name: 'ann' }, nights: 2 });
    const circle = callText('geometry.circle_area', { radius: 1 });
    expect(passes(suite, 'parallel_multiple_0', `${circle}${ann}`).passed).toBe(true);
  });

  it('lists per case what the suite format cannot express', () => {
    const { notes } = imported();
    expect(notes).toContainEqual({
      path: 'line 2',
      message: expect.stringMatching(
        /^multiple_0: weather\.forecast\.hours: BFCL's only possible answer is ""/,
      ) as string,
    });
    const left = importBfcl(
      jsonLines([
        {
          id: 'simple_1',
          question: [[{ role: 'user', content: 'q' }]],
          function: [
            {
              name: 'f',
              parameters: {
                type: 'dict',
                properties: { a: { type: 'string', enum: ['x'] }, b: { type: 'integer' } },
              },
            },
          ],
        },
      ]),
      jsonLines([{ id: 'simple_1', ground_truth: [{ f: { a: ['x', 'y'], nope: [1] } }] }]),
    );
    expect(left.ok).toBe(true);
    if (!left.ok) return;
    expect(left.notes.map((n) => n.message)).toEqual([
      expect.stringMatching(/^simple_1: f\.a: possible value the string "y" left out, it can never be valid/),
      'simple_1: f.nope: the possible answer names a parameter the function does not have; not checked (a call giving it fails as unexpected_argument)',
      'simple_1: f: the possible answer leaves out b (BFCL: must not be given); tabeval does not check it',
    ]);
    expect(left.value.cases[0]?.expected_calls?.[0]?.arguments).toEqual({
      a: { equals: 'x', strings: 'bfcl' },
    });
  });

  it('leaves out, with a note, cases it cannot express: clashing function names, several turns, system messages', () => {
    const other = {
      ...BFCL_QUESTIONS[0]!,
      id: 'simple_python_1',
      function: [{ name: 'geometry.circle_area', parameters: { type: 'dict', properties: {} } }],
    };
    const twoTurns = { ...BFCL_QUESTIONS[4]!, id: 'irrelevance_1', question: [...user2('a'), ...user2('b')] };
    const system = {
      ...BFCL_QUESTIONS[4]!,
      id: 'irrelevance_2',
      question: [
        [
          { role: 'system', content: 's' },
          { role: 'user', content: 'q' },
        ],
      ],
    };
    const result = importBfcl(
      jsonLines([...BFCL_QUESTIONS, other, twoTurns, system]),
      jsonLines([...BFCL_ANSWERS, { id: 'simple_python_1', ground_truth: [{ 'geometry.circle_area': {} }] }]),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.cases.map((c) => c.id)).not.toContain('simple_python_1');
    expect(result.notes.filter((n) => /not imported/.test(n.message))).toEqual([
      {
        path: 'line 6, function',
        message:
          'simple_python_1: not imported, function "geometry.circle_area" is defined differently in simple_python_0 (tool names are unique in a suite)',
      },
      {
        path: 'line 7, question',
        message: 'irrelevance_1: not imported, its question has 2 turns; the single-turn categories have one',
      },
      {
        path: 'line 8, question',
        message: expect.stringMatching(
          /^irrelevance_2: not imported, its question has a system message/,
        ) as string,
      },
    ]);
  });

  it('rejects bad lines and fields, naming the file, line and field', () => {
    const bad = importBfcl(
      [
        JSON.stringify({ id: 'live_simple_0', question: user2('q'), function: [] }),
        JSON.stringify({ id: 'simple_2', question: 'q', function: [] }),
        JSON.stringify({
          id: 'simple_3',
          question: user2('q'),
          function: [{ name: 'f', parameters: { type: 'dict', properties: { a: { type: 'str' } } } }],
        }),
        '{not json',
        JSON.stringify({
          id: 'simple_4',
          question: user2('q'),
          function: [{ name: 'g', parameters: { type: 'dict', properties: {} } }],
        }),
        JSON.stringify({
          id: 'simple_5',
          question: user2('q'),
          function: [{ name: 'h', parameters: { type: 'dict', properties: { a: { type: 'integer' } } } }],
        }),
      ].join('\n'),
      jsonLines([{ id: 'simple_5', ground_truth: [{ h: { a: 'not a list' } }] }]),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.issues).toEqual([
      {
        path: 'line 1, id',
        message:
          '"live_simple_0" is not in a category the importer converts (simple, multiple, parallel, parallel_multiple, irrelevance)',
      },
      { path: 'line 2, question', message: 'expected an array of turns' },
      {
        path: 'line 3, function[0].parameters.properties.a.type',
        message: 'unknown BFCL type "str" (known: dict, float, integer, string, boolean, array, tuple, any)',
      },
      { path: 'line 4', message: expect.stringMatching(/^is not valid JSON/) as string },
      { path: 'line 5, id', message: 'no possible answer for "simple_4" in the answers file' },
      {
        path: 'answers line 1, ground_truth[0].h.a',
        message: 'expected a non-empty array of acceptable values, got the string "not a list"',
      },
    ]);
    const noAnswers = importBfcl(jsonLines([BFCL_QUESTIONS[0]]), undefined);
    expect(noAnswers.ok).toBe(false);
    if (!noAnswers.ok) expect(noAnswers.issues[0]?.message).toMatch(/needs the possible-answers file/);
  });

  it('is detected by content, and read through readSuiteText with the answers as an option', () => {
    const questions = jsonLines(BFCL_QUESTIONS);
    expect(detectSuiteFormat(questions)).toBe('bfcl');
    expect(isBfclAnswersText(jsonLines(BFCL_ANSWERS))).toBe(true);
    expect(isBfclAnswersText(questions)).toBe(false);
    const read = readSuiteText(questions, { bfclAnswers: jsonLines(BFCL_ANSWERS) });
    expect(read.ok && read.format === 'bfcl' && read.suite.cases.length === 5).toBe(true);
    expect(read.ok && read.notes.length > 0).toBe(true);
  });

  it('knows the categories by id', () => {
    expect(bfclCategory('simple_python_12')).toBe('simple');
    expect(bfclCategory('simple_3')).toBe('simple');
    expect(bfclCategory('parallel_multiple_7')).toBe('parallel_multiple');
    expect(bfclCategory('live_multiple_1')).toBeUndefined();
    expect(bfclCategory('multi_turn_base_0')).toBeUndefined();
  });
});

function user2(content: string) {
  return [[{ role: 'user', content }]];
}

/** Lines shaped like BFCL's, with fields dropped, retyped or replaced by arbitrary JSON. */
const questionLike = fc
  .tuple(
    fc.constantFrom<Record<string, unknown>>(...BFCL_QUESTIONS),
    fc.dictionary(fc.constantFrom('id', 'question', 'function', 'x'), fc.jsonValue({ maxDepth: 4 }), {
      maxKeys: 2,
    }),
    fc.subarray(['id', 'question', 'function']),
  )
  .map(([base, changes, dropped]) => {
    const record: Record<string, unknown> = { ...base, ...changes };
    for (const key of dropped) delete record[key];
    return JSON.stringify(record);
  });

const answerLike = fc
  .tuple(
    fc.constantFrom<Record<string, unknown>>(...BFCL_ANSWERS),
    fc.oneof(
      fc.constant({}),
      fc.record({ ground_truth: fc.jsonValue({ maxDepth: 5 }) }),
      fc.record({ id: fc.constantFrom('simple_python_0', 'multiple_0', 'zzz', '') }),
    ),
  )
  .map(([base, changes]) => JSON.stringify({ ...base, ...changes }));

const lines = (line: fc.Arbitrary<string>) =>
  fc
    .array(fc.oneof(line, fc.string(), fc.json(), fc.constant('')), { maxLength: 7 })
    .map((l) => l.join('\n'));

describe('importBfcl on arbitrary input', () => {
  it('never throws; gives a valid suite with located notes, or located issues', () => {
    fc.assert(
      fc.property(
        lines(questionLike),
        fc.option(lines(answerLike), { nil: undefined }),
        (questions, answers) => {
          const result = importBfcl(questions, answers);
          const located = (path: string) => /^(?:(?:answers )?line \d+(?:, .+)?|\(file\))$/.test(path);
          if (result.ok) {
            expect(validateSuite(result.value).ok).toBe(true);
            expect(result.notes.every((n) => located(n.path) && n.message.length > 0)).toBe(true);
          } else {
            expect(result.issues.length).toBeGreaterThan(0);
            expect(result.issues.every((i) => located(i.path) && i.message.length > 0)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('imports every well-formed file of the five categories, one case per question', () => {
    fc.assert(
      fc.property(fc.subarray(BFCL_QUESTIONS, { minLength: 1 }), (chosen) => {
        const result = importBfcl(jsonLines(chosen), jsonLines(BFCL_ANSWERS));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value.cases.map((c) => c.id)).toEqual(chosen.map((q) => q.id));
      }),
    );
  });
});

describe('importBfcl on hostile names', () => {
  it('names reserved keys (__proto__, constructor) by line instead of building a suite with them', () => {
    const questions =
      '{"id": "simple_9", "question": [[{"role": "user", "content": "<script>q</script>"}]], "function": [' +
      '{"name": "constructor", "description": "<b>x</b>", "parameters": {"type": "dict", "properties": ' +
      '{"__proto__": {"type": "string"}, "ok": {"type": "integer"}}, "required": ["__proto__"]}}]}';
    const answers =
      '{"id": "simple_9", "ground_truth": [{"constructor": {"__proto__": ["x"], "ok": [1, ""]}}]}';
    const result = importBfcl(questions, answers);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      {
        path: 'line 1, function constructor.parameters.properties.__proto__',
        message: "the key '__proto__' is reserved: rename it",
      },
      {
        path: 'line 1, expected_calls[0].arguments.__proto__',
        message: "the key '__proto__' is reserved: rename it",
      },
    ]);
    expect(Object.prototype).not.toHaveProperty('type');
  });
});
