// The execution fixtures of the bundled suites: for each case with an execution block, a reference
// reply that passes its tests and plausible wrong replies that fail them (tests/fixtures/<suite>/
// solutions.json). Shared by the suite test (shape, runs everywhere) and the executor test (verdicts).
import { readFileSync } from 'node:fs';
import { parseSuiteJson } from '../../../src/core/suite/parseSuiteJson.ts';
import type { Suite } from '../../../src/core/suite/types.ts';

/** One case's replies: `reference` passes the tests, every item of `wrong` fails them. */
export interface CaseSolutions {
  reference: string;
  wrong: string[];
}

/** The suites whose execution blocks have solution fixtures. */
export const SUITES_WITH_SOLUTIONS = ['python-functions', 'coding-core'] as const;

/** A bundled suite by id, validated; throws with every issue when it is not valid. */
export function loadBundledSuite(id: string): Suite {
  const text = readFileSync(new URL(`../../../suites/${id}.json`, import.meta.url), 'utf8');
  const result = parseSuiteJson(text);
  if (!result.ok) {
    throw new Error(`${id}.json:\n${result.issues.map((i) => `${i.path}: ${i.message}`).join('\n')}`);
  }
  return result.value;
}

function isSolutions(value: unknown): value is CaseSolutions {
  if (typeof value !== 'object' || value === null) return false;
  const { reference, wrong } = value as Record<string, unknown>;
  return (
    typeof reference === 'string' &&
    Array.isArray(wrong) &&
    wrong.every((reply): reply is string => typeof reply === 'string')
  );
}

/** The solutions fixture of a suite as a Map from case id; throws naming the first malformed entry. */
export function loadSolutions(suiteId: string): Map<string, CaseSolutions> {
  const url = new URL(`../../fixtures/${suiteId}/solutions.json`, import.meta.url);
  const data = JSON.parse(readFileSync(url, 'utf8')) as unknown;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${url.pathname}: expected an object keyed by case id`);
  }
  const solutions = new Map<string, CaseSolutions>();
  for (const [id, value] of Object.entries(data)) {
    if (!isSolutions(value))
      throw new Error(`${url.pathname}: "${id}" needs {reference: string, wrong: string[]}`);
    solutions.set(id, value);
  }
  return solutions;
}

const FENCE_OPEN = '```python\n';
const FENCE_CLOSE = '\n```';

/**
 * The code of the last ```python block of a reply, or undefined. Deliberately simple: the fixtures
 * are written to one shape; the real selection rule (entry point, last fence, unfenced) lives in core.
 */
export function lastPythonFence(reply: string): string | undefined {
  const open = reply.lastIndexOf(FENCE_OPEN);
  if (open === -1) return undefined;
  const start = open + FENCE_OPEN.length;
  const close = reply.indexOf(FENCE_CLOSE, start - 1);
  return close === -1 ? undefined : reply.slice(start, close + 1);
}
