// The python-functions suite and the execution fixtures of the bundled suites: shape and
// coverage. That each reference passes and each wrong reply fails is checked by executing them
// (tests/unit/exec/pythonFunctionsSuite.test.ts); this file runs without an interpreter.
import { describe, expect, it } from 'vitest';
import {
  lastPythonFence,
  loadBundledSuite,
  loadSolutions,
  SUITES_WITH_SOLUTIONS,
} from '../../helpers/solutionFixtures.ts';

const CATEGORY_PREFIX = new Map([
  ['strings', 'str'],
  ['lists', 'list'],
  ['dicts', 'dict'],
  ['math', 'math'],
  ['parsing', 'parse'],
  ['recursion', 'rec'],
  ['edge_cases', 'edge'],
]);

const definesFunction = (code: string, name: string) => new RegExp(`^def ${name}\\(`, 'm').test(code);

describe('python-functions', () => {
  const suite = loadBundledSuite('python-functions');

  it('has at least 60 cases in the seven categories, at least 5 in each', () => {
    expect(suite.cases.length).toBeGreaterThanOrEqual(60);
    const counts = new Map<string, number>();
    for (const c of suite.cases) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...CATEGORY_PREFIX.keys()].sort());
    for (const [category, n] of counts) expect(n, category).toBeGreaterThanOrEqual(5);
  });

  it('is scored by execution alone: no tools, no keywords, the default headline (pass rate = pass@1)', () => {
    expect(suite.tools).toEqual([]);
    expect(suite.headline).toBeUndefined();
    expect(suite.system_prompt).toContain('```python');
    for (const c of suite.cases) {
      expect(c.expected_keywords, c.id).toBeUndefined();
      expect(c.answer, c.id).toBeUndefined();
    }
  });

  it('names every case after its category, uniquely, in kebab case', () => {
    const ids = suite.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of suite.cases) {
      expect(c.id).toMatch(/^[a-z]+(?:-[a-z0-9]+)+$/);
      expect(c.id.split('-')[0], c.id).toBe(CATEGORY_PREFIX.get(c.category));
    }
  });

  it('gives every case a HumanEval-style execution block the prompt shows', () => {
    const entryPoints = new Set<string>();
    for (const c of suite.cases) {
      const execution = c.execution;
      expect(execution, c.id).toBeDefined();
      if (execution === undefined) continue;
      const { entry_point: entry, prompt_code: code, tests } = execution;
      expect(entry, c.id).toBeDefined();
      expect(code, c.id).toBeDefined();
      if (entry === undefined || code === undefined) continue;
      entryPoints.add(entry);
      expect(definesFunction(code, entry), c.id).toBe(true);
      expect(code, c.id).toMatch(/"""[\s\S]+"""\n$/);
      expect(c.prompt, c.id).toContain(`\`\`\`python\n${code}\`\`\``);
      expect(tests, c.id).toMatch(/^def check\(candidate\):\n/);
      expect(tests.match(/^ {4}assert /gm)?.length ?? 0, c.id).toBeGreaterThanOrEqual(4);
      expect(execution.setup, c.id).toBeUndefined();
    }
    expect(entryPoints.size).toBe(suite.cases.length);
  });
});

describe.each(SUITES_WITH_SOLUTIONS)('solution fixtures of %s', (suiteId) => {
  const suite = loadBundledSuite(suiteId);
  const solutions = loadSolutions(suiteId);
  const executed = suite.cases.filter((c) => c.execution !== undefined);

  it('cover exactly the cases with an execution block', () => {
    expect(executed.length).toBeGreaterThan(0);
    expect([...solutions.keys()].sort()).toEqual(executed.map((c) => c.id).sort());
  });

  it('give each case a reference and at least one different wrong reply, each a python block defining the entry point', () => {
    for (const c of executed) {
      const entry = c.execution?.entry_point;
      const found = solutions.get(c.id);
      expect(found, c.id).toBeDefined();
      if (found === undefined || entry === undefined) continue;
      expect(found.wrong.length, c.id).toBeGreaterThanOrEqual(1);
      const codes = [found.reference, ...found.wrong].map(lastPythonFence);
      for (const code of codes) expect(code !== undefined && definesFunction(code, entry), c.id).toBe(true);
      expect(new Set(codes).size, `${c.id}: replies must differ`).toBe(codes.length);
    }
  });
});

describe('coding-core execution', () => {
  const suite = loadBundledSuite('coding-core');

  it('executes every Python code_generation case and keeps its keywords', () => {
    const generation = suite.cases.filter((c) => c.category === 'code_generation');
    const python = generation.filter((c) => c.prompt?.includes('Python function') === true);
    expect(python.length).toBeGreaterThanOrEqual(3);
    for (const c of python) {
      expect(c.execution?.entry_point, c.id).toBeDefined();
      expect(c.expected_keywords, c.id).toContain(`def ${c.execution?.entry_point ?? ''}`);
    }
  });
});
