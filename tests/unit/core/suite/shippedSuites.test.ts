import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSuiteJson } from '../../../../src/core/suite/parseSuiteJson.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';

const SUITES_DIR = new URL('../../../../suites/', import.meta.url);
const files = readdirSync(SUITES_DIR).filter((file) => file.endsWith('.json') && file !== 'schema.json');

function load(file: string): { raw: Record<string, unknown>; suite: Suite } {
  const text = readFileSync(new URL(file, SUITES_DIR), 'utf8');
  const result = parseSuiteJson(text);
  if (!result.ok)
    throw new Error(`${file}:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  return { raw: JSON.parse(text) as Record<string, unknown>, suite: result.value };
}

describe('shipped suites', () => {
  it('include the four suites', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'punie-baseline.json',
        'tool-calling.json',
        'coding-core.json',
        'python-functions.json',
      ]),
    );
  });

  it.each(files)('%s validates, points to the schema and is formatted as 2-space JSON', (file) => {
    const { raw, suite } = load(file);
    expect(raw.$schema).toBe('./schema.json');
    expect(`${file.replace(/\.json$/, '')}`).toBe(suite.id);
    expect(readFileSync(new URL(file, SUITES_DIR), 'utf8')).toBe(`${JSON.stringify(raw, null, 2)}\n`);
  });
});

describe('punie-baseline', () => {
  const { suite } = load('punie-baseline.json');

  it('has the 7 cases of the Punie reference table, expectations unchanged', () => {
    expect(suite.id).toBe('punie-baseline');
    expect(suite.version).toBe('1.1.0');
    const table = suite.cases.map(({ id, category, expected_tools, expected_keywords }) => ({
      id,
      category,
      expected_tools,
      expected_keywords,
    }));
    expect(table).toEqual([
      {
        id: 'tool-01',
        category: 'tool_calling',
        expected_tools: ['read_file'],
        expected_keywords: ['localhost', '127.0.0.1'],
      },
      {
        id: 'tool-02',
        category: 'tool_calling',
        expected_tools: ['write_file'],
        expected_keywords: ['test.txt', 'Hello World'],
      },
      {
        id: 'tool-03',
        category: 'tool_calling',
        expected_tools: ['run_command'],
        expected_keywords: ['hello', 'echo'],
      },
      {
        id: 'code-01',
        category: 'code_generation',
        expected_tools: undefined,
        expected_keywords: ['def', 'prime', 'return'],
      },
      {
        id: 'code-02',
        category: 'code_generation',
        expected_tools: undefined,
        expected_keywords: ['def', 'factorial', 'return', 'recursive'],
      },
      {
        id: 'reason-01',
        category: 'reasoning',
        expected_tools: undefined,
        expected_keywords: ['list', 'tuple', 'mutable', 'immutable'],
      },
      {
        id: 'reason-02',
        category: 'reasoning',
        expected_tools: undefined,
        expected_keywords: ['O(log n)', 'binary search', 'complexity'],
      },
    ]);
  });

  it('offers read_file(path), write_file(path, content), run_command(command, args?, cwd?) through {tools}', () => {
    const signatures = suite.tools.map((tool) => [
      tool.name,
      Object.keys(tool.parameters.properties ?? {}),
      tool.parameters.required,
    ]);
    expect(signatures).toEqual([
      ['read_file', ['path'], ['path']],
      ['write_file', ['path', 'content'], ['path', 'content']],
      ['run_command', ['command', 'args', 'cwd'], ['command']],
    ]);
    expect(suite.system_prompt).toContain('{tools}');
  });

  it('checks the arguments of the tool cases without changing the Punie expectations', () => {
    for (const suiteCase of suite.cases.filter((c) => c.category === 'tool_calling')) {
      expect(suiteCase.expected_calls?.map((call) => call.name)).toEqual(suiteCase.expected_tools);
    }
    expect(suite.cases.filter((c) => c.category !== 'tool_calling').every((c) => !c.expected_calls)).toBe(
      true,
    );
  });
});

describe('tool-calling', () => {
  const { suite } = load('tool-calling.json');

  it('has at least 40 cases across the BFCL-style categories', () => {
    expect(suite.cases.length).toBeGreaterThanOrEqual(40);
    const categories = new Set(suite.cases.map((c) => c.category));
    for (const category of [
      'simple',
      'multiple',
      'parallel',
      'types',
      'optional_params',
      'irrelevance',
      'ambiguous',
    ]) {
      expect(categories).toContain(category);
    }
  });

  it('has an expectation about calls in every case', () => {
    for (const suiteCase of suite.cases) {
      expect(suiteCase.expect_no_call === true || (suiteCase.expected_calls?.length ?? 0) > 0).toBe(true);
    }
  });

  it('gives every tool a described, typed JSON Schema', () => {
    for (const tool of suite.tools) {
      expect(tool.description).toBeTruthy();
      for (const property of Object.values(tool.parameters.properties ?? {})) {
        expect(property.type).toBeTypeOf('string');
        expect(property.description).toBeTypeOf('string');
      }
    }
  });
});

describe('coding-core', () => {
  const { suite } = load('coding-core.json');

  it('has at least 30 cases, each with an answer or keywords', () => {
    expect(suite.cases.length).toBeGreaterThanOrEqual(30);
    for (const suiteCase of suite.cases) {
      expect(suiteCase.answer !== undefined || suiteCase.expected_keywords !== undefined).toBe(true);
    }
  });

  it('tells the model how to give the final answer wherever one is checked', () => {
    expect(suite.system_prompt).toContain('Answer:');
    for (const suiteCase of suite.cases.filter((c) => c.answer !== undefined)) {
      expect(suiteCase.prompt).toContain('End your reply with a final line of the form "Answer: <value>"');
    }
  });
});
