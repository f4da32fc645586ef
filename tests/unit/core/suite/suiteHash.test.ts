import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../src/core/hash/sha256Hex.ts';
import { canonicalJson } from '../../../../src/core/suite/canonicalJson.ts';
import { parseSuiteJson } from '../../../../src/core/suite/parseSuiteJson.ts';
import { suiteHash } from '../../../../src/core/suite/suiteHash.ts';
import type { Suite } from '../../../../src/core/suite/types.ts';
import { validateSuite } from '../../../../src/core/suite/validateSuite.ts';
import { validSuite } from './fixtures.ts';

function valid(input: unknown): Suite {
  const result = validateSuite(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vectors', async () => {
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('suiteHash', () => {
  // The canonical text was written by hand; its hash was computed independently with
  // `printf '%s' '<text>' | sha256sum` and with Node's crypto.createHash.
  const tiny = {
    version: '1',
    id: 't',
    tools: [{ type: 'function', function: { parameters: { type: 'object' }, name: 'f' } }],
    system_prompt: '',
    description: '',
    cases: [{ prompt: 'héllo 😀', id: 'c', category: 'k' }],
    $schema: './schema.json',
  };
  const tinyCanonical =
    '{"cases":[{"category":"k","id":"c","prompt":"héllo 😀"}],"description":"","id":"t","system_prompt":"",' +
    '"tools":[{"name":"f","parameters":{"type":"object"}}],"version":"1"}';

  it('hashes the canonical JSON of the normalised suite to a known value', async () => {
    const suite = valid(tiny);
    expect(canonicalJson(suite)).toBe(tinyCanonical);
    expect(await suiteHash(suite)).toBe('f8d0c3238da95bb9c08791b5720fcb21069b0f1bfe9c42da7e7e3b879f628693');
  });

  it('is the same across key orders, whitespace, tool forms and $schema', async () => {
    const compact = parseSuiteJson(JSON.stringify(validSuite));
    const reordered = parseSuiteJson(
      JSON.stringify(
        {
          $schema: 'https://example.org/schema.json',
          cases: validSuite.cases.map((suiteCase) => Object.fromEntries(Object.entries(suiteCase).reverse())),
          tools: validSuite.tools.map((tool) => ({ function: tool, type: 'function' })),
          system_prompt: validSuite.system_prompt,
          description: validSuite.description,
          version: validSuite.version,
          id: validSuite.id,
        },
        null,
        '\t',
      ),
    );
    if (!compact.ok || !reordered.ok) throw new Error('fixtures must be valid');
    expect(await suiteHash(reordered.value)).toBe(await suiteHash(compact.value));
  });

  it('changes with any change of content', async () => {
    const base = await suiteHash(valid(structuredClone(validSuite)));
    const changed = structuredClone(validSuite);
    changed.cases[0]!.prompt = 'Read /etc/hosts!';
    expect(await suiteHash(valid(changed))).not.toBe(base);
    const reorderedCases = structuredClone(validSuite);
    reorderedCases.cases.reverse();
    expect(await suiteHash(valid(reorderedCases))).not.toBe(base);
  });
});
