import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeRunLink } from '../../../../src/core/link/decodeRunLink.ts';
import { encodeRunLink } from '../../../../src/core/link/encodeRunLink.ts';
import { makeRunLink } from '../../../../src/core/link/makeRunLink.ts';
import type { RunSpec } from '../../../../src/core/link/runSpec.ts';
import { modelCatalog } from '../../../../src/engines/webllm/models.ts';

const catalog = new Set(modelCatalog.map((m) => m.id));
const catalogId = modelCatalog[0]!.id;
const HASH = 'def106c62c9aa22b915bcc0c17f47c195b563ba5a753e9646ec27b6172726080';

const bundledSpec: RunSpec = {
  suite: { kind: 'bundled', id: 'punie-baseline', version: '1.1.0', hash: HASH },
  model: { engine: 'webllm', kind: 'catalog', modelId: catalogId },
  params: { temperature: 0, top_p: 1, max_tokens: 1024, seed: 42, tool_call_mode: 'prompt', samples: 1 },
};

const customSpec: RunSpec = {
  suite: { kind: 'url', url: 'https://example.org/suites/my suite.json?rev=2&x=a+b#frag', hash: HASH },
  model: {
    engine: 'webllm',
    kind: 'custom',
    modelId: 'My Qwen (fine-tuned) ünïcode 🚀',
    modelUrl: 'https://huggingface.co/me/My-Qwen-MLC',
    modelLibUrl: 'https://example.org/libs/my-qwen.wasm',
  },
  params: {
    temperature: 0.7,
    top_p: 0.95,
    max_tokens: 256,
    seed: -7,
    tool_call_mode: 'constrained',
    samples: 1,
  },
};

function decodeOk(link: string): RunSpec {
  const result = decodeRunLink(link, catalog);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function errorOf(link: string): string {
  const result = decodeRunLink(link, catalog);
  if (result.ok) throw new Error(`expected ${link} to be rejected`);
  return result.error;
}

describe('run links', () => {
  it('write readable query parameters in a fixed order', () => {
    expect(encodeRunLink(bundledSpec)).toBe(
      `#/run?v=1&suite=punie-baseline&suite_version=1.1.0&suite_hash=${HASH}&model=${catalogId}` +
        '&temperature=0&top_p=1&max_tokens=1024&seed=42&tool_call_mode=prompt',
    );
  });

  it('round-trip a bundled suite with a catalog model, and a suite URL with a custom build', () => {
    expect(decodeOk(encodeRunLink(bundledSpec))).toEqual(bundledSpec);
    expect(decodeOk(encodeRunLink(customSpec))).toEqual(customSpec);
  });

  it('read a full URL, a fragment or a bare query alike', () => {
    const fragment = encodeRunLink(bundledSpec);
    expect(decodeOk(`https://tabeval.example/app/${fragment}`)).toEqual(bundledSpec);
    expect(decodeOk(fragment.slice(1))).toEqual(bundledSpec);
    expect(decodeOk(fragment.slice(fragment.indexOf('?') + 1))).toEqual(bundledSpec);
    expect(decodeOk(`  ${fragment}\n`)).toEqual(bundledSpec);
  });

  it('keep −0 and tiny or huge numbers exactly', () => {
    const spec: RunSpec = {
      ...bundledSpec,
      params: { ...bundledSpec.params, temperature: -0, top_p: 1e-7, seed: -(2 ** 53 - 1) },
    };
    const back = decodeOk(encodeRunLink(spec));
    expect(Object.is(back.params.temperature, -0)).toBe(true);
    expect(back).toEqual(spec);
  });

  it('makeRunLink returns the link, or the message the opener would get', () => {
    expect(makeRunLink(bundledSpec, catalog)).toEqual({ ok: true, value: encodeRunLink(bundledSpec) });
    const http: RunSpec = {
      ...bundledSpec,
      suite: { kind: 'url', url: 'http://example.org/s.json', hash: HASH },
    };
    expect(makeRunLink(http, catalog)).toEqual({ ok: false, error: expect.stringContaining('https') });
    const nan: RunSpec = { ...bundledSpec, params: { ...bundledSpec.params, temperature: Number.NaN } };
    expect(makeRunLink(nan, catalog)).toEqual({ ok: false, error: expect.stringContaining('temperature') });
  });
});

describe('run links: what is wrong and where', () => {
  const good = encodeRunLink(bundledSpec);
  const cases: [string, string, RegExp][] = [
    ['unknown version', good.replace('v=1', 'v=2'), /unknown run link version "2".*version 1/],
    ['no version', good.replace('v=1&', ''), /no version/],
    [
      'wrong type at a path',
      good.replace('temperature=0', 'temperature=warm'),
      /^temperature: is not a number \(got "warm"\)/,
    ],
    ['out of range', good.replace('top_p=1', 'top_p=1.5'), /^top_p: must be at most 1/],
    [
      'not a whole number',
      good.replace('max_tokens=1024', 'max_tokens=10.5'),
      /^max_tokens: must be a whole number/,
    ],
    ['hex-like number', good.replace('seed=42', 'seed=0x2a'), /^seed: is not a number/],
    [
      'unknown mode',
      good.replace('tool_call_mode=prompt', 'tool_call_mode=json'),
      /^tool_call_mode: must be "prompt", "constrained" or "native"/,
    ],
    [
      'unknown catalog model',
      good.replace(catalogId, 'Qwen9-Coder-900B'),
      /^model: "Qwen9-Coder-900B" is not in this site's model catalog/,
    ],
    ['short hash', good.replace(HASH, 'abc123'), /^suite_hash: is not 64 lowercase hex characters/],
    ['upper-case hash', good.replace(HASH, HASH.toUpperCase()), /^suite_hash: is not 64 lowercase hex/],
    ['missing field', good.replace('&seed=42', ''), /^seed is missing/],
    ['repeated field', `${good}&seed=43`, /^seed is given more than once/],
    ['unknown field', `${good}&evil=1`, /^unknown parameter "evil"/],
    ['two suites', `${good}&suite_url=https://example.org/s.json`, /both a bundled suite/],
    ['a results link', '#/compare?r=AQ', /results link/],
    ['another page', '#/playground?v=1', /not a run link/],
    [
      'bad suite id',
      good.replace('suite=punie-baseline', 'suite=..%2Fetc%2Fpasswd%20x'),
      /^suite: is not a bundled suite id/,
    ],
  ];
  it.each(cases)('%s', (_name, link, message) => {
    expect(errorOf(link)).toMatch(message);
  });

  it('refuse a custom build over plain http, or a library that is not .wasm', () => {
    const link = encodeRunLink(customSpec);
    expect(errorOf(link.replace('model_url=https:', 'model_url=http:'))).toMatch(
      /^model_url: is not an https:\/\/ URL/,
    );
    expect(errorOf(link.replace('my-qwen.wasm', 'my-qwen.js'))).toMatch(
      /^model_lib_url: does not point to a \.wasm file/,
    );
    expect(errorOf(link.replace('suite_url=https:', 'suite_url=javascript:'))).toMatch(
      /^suite_url: is not an https/,
    );
    expect(errorOf(link.replace('&model_lib_url=', '&x_lib_url='))).toMatch(/unknown parameter/);
  });

  it('refuse custom URLs under a catalog id', () => {
    const link = encodeRunLink({ ...customSpec, model: { ...customSpec.model, modelId: catalogId } });
    expect(errorOf(link)).toMatch(/is a catalog id/);
  });

  it('refuse a huge link before reading it', () => {
    expect(errorOf(`${good}&x=${'a'.repeat(20000)}`)).toMatch(/characters long; run links are at most 8192/);
  });
});

const text = (max: number) => fc.string({ unit: 'grapheme', minLength: 1, maxLength: max });
const httpsUrl = fc.webUrl({ validSchemes: ['https'], withQueryParameters: true, withFragments: true });
const specArbitrary: fc.Arbitrary<RunSpec> = fc.record({
  suite: fc.oneof(
    fc.record({
      kind: fc.constant('bundled' as const),
      id: fc.stringMatching(/^[\w.-]{1,100}$/),
      version: text(100),
      hash: fc.stringMatching(/^[0-9a-f]{64}$/),
    }),
    fc.record({
      kind: fc.constant('url' as const),
      url: httpsUrl,
      hash: fc.stringMatching(/^[0-9a-f]{64}$/),
    }),
  ),
  model: fc.oneof(
    fc.record({
      engine: fc.constant('webllm' as const),
      kind: fc.constant('catalog' as const),
      modelId: fc.constantFrom(...catalog),
    }),
    fc.record({
      engine: fc.constant('webllm' as const),
      kind: fc.constant('custom' as const),
      modelId: text(200).filter((id) => !catalog.has(id)),
      modelUrl: httpsUrl,
      modelLibUrl: httpsUrl.map((url) => `${url.replace(/[?#].*$/s, '').replace(/\/?$/, '/')}lib.wasm`),
    }),
  ),
  params: fc.record({
    temperature: fc.double({ min: 0, max: 2, noNaN: true }),
    top_p: fc.double({ min: 0, max: 1, noNaN: true }),
    max_tokens: fc.integer({ min: 1, max: 131072 }),
    seed: fc.maxSafeInteger().chain((n) => fc.constantFrom(n, -n, 0, 42)),
    tool_call_mode: fc.constantFrom('prompt' as const, 'constrained' as const, 'native' as const),
    samples: fc.integer({ min: 1, max: 100 }),
  }),
});

describe('run links: properties', () => {
  it('every valid spec round-trips exactly', () => {
    fc.assert(
      fc.property(specArbitrary, (spec) => {
        const back = decodeRunLink(encodeRunLink(spec), catalog);
        expect(back).toEqual({ ok: true, value: spec });
        if (back.ok) expect(Object.is(back.value.params.temperature, spec.params.temperature)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on any string, and always says why when it refuses', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webUrl({ withFragments: true })),
        (link) => {
          const result = decodeRunLink(link, catalog);
          if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on a valid link with one character changed, dropped or cut off', () => {
    fc.assert(
      fc.property(
        specArbitrary,
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 3 }),
        fc.constantFrom('replace', 'drop', 'cut'),
        (spec, at, insert, how) => {
          const link = encodeRunLink(spec);
          const i = at % link.length;
          const changed =
            how === 'cut'
              ? link.slice(0, i)
              : how === 'drop'
                ? link.slice(0, i) + link.slice(i + 1)
                : link.slice(0, i) + insert + link.slice(i + 1);
          const result = decodeRunLink(changed, catalog);
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });
});
