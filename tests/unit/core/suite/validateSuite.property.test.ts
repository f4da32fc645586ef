import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../src/core/suite/canonicalJson.ts';
import { suiteHash } from '../../../../src/core/suite/suiteHash.ts';
import { validateSuite } from '../../../../src/core/suite/validateSuite.ts';
import { validSuite } from './fixtures.ts';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function expectWellFormed(result: ReturnType<typeof validateSuite>): void {
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.path).toBeTypeOf('string');
    expect(issue.message).toBeTypeOf('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
}

/** Every path (list of keys and indices) inside a JSON value, the root included. */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  const paths = [prefix];
  if (Array.isArray(value)) value.forEach((item, index) => paths.push(...pathsOf(item, [...prefix, index])));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) paths.push(...pathsOf(item, [...prefix, key]));
  }
  return paths;
}

type Mutation =
  { kind: 'replace'; with: Json } | { kind: 'delete' } | { kind: 'add'; key: string; with: Json };

function mutate(root: Json, path: (string | number)[], mutation: Mutation): Json {
  const copy = structuredClone(root);
  if (path.length === 0) return mutation.kind === 'replace' ? mutation.with : copy;
  let parent: Json | undefined = copy;
  for (const key of path.slice(0, -1)) {
    // An earlier mutation may have removed or replaced this part: then there is nothing to change.
    if (parent === null || typeof parent !== 'object') return copy;
    parent = (parent as Record<string, Json>)[key];
  }
  if (parent === undefined || parent === null || typeof parent !== 'object') return copy;
  const last = path.at(-1)!;
  const container = parent as Record<string | number, Json>;
  if (mutation.kind === 'replace') container[last] = mutation.with;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else delete container[last];
  } else if (
    container[last] !== null &&
    typeof container[last] === 'object' &&
    !Array.isArray(container[last])
  ) {
    (container[last] as Record<string, Json>)[mutation.key] = mutation.with;
  }
  return copy;
}

const suiteJson = JSON.parse(JSON.stringify(validSuite)) as Json;
const suitePaths = pathsOf(suiteJson);
const keyArbitrary = fc.oneof(
  fc.string(),
  fc.constantFrom(
    'equals',
    'equal',
    'one_of',
    'regex',
    'type',
    'optional',
    'prompt',
    'messages',
    'expected_tool',
  ),
);
const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('replace' as const), with: fc.jsonValue() as fc.Arbitrary<Json> }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({
    kind: fc.constant('add' as const),
    key: keyArbitrary,
    with: fc.jsonValue() as fc.Arbitrary<Json>,
  }),
);

describe('validateSuite (properties)', () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expectWellFormed(validateSuite(value));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary JavaScript values', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true }),
        (value) => {
          expectWellFormed(validateSuite(value));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on mutations of a valid suite, and what passes can be hashed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...suitePaths), mutationArbitrary), { minLength: 1, maxLength: 3 }),
        async (mutations) => {
          let data = suiteJson;
          for (const [path, mutation] of mutations) data = mutate(data, path, mutation);
          const result = validateSuite(data);
          expectWellFormed(result);
          if (result.ok) {
            expect(canonicalJson(result.value)).toBeTypeOf('string');
            expect(await suiteHash(result.value)).toMatch(/^[\da-f]{64}$/);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
