import * as v from 'valibot';
import type { WebLlmModelRef } from '../engine.ts';
import { splitLinkFragment } from './linkFragment.ts';
import { firstIssue, HttpsUrlSchema, linkText, WasmUrlSchema } from './linkFields.ts';
import {
  MaxTokensSchema,
  SamplesSchema,
  SeedSchema,
  TemperatureSchema,
  ToolCallModeSchema,
  TopPSchema,
} from '../report/paramsSchema.ts';
import { sha256HexText as Sha256HexSchema } from '../validation/fields.ts';
import { linkError, quoteForMessage, type LinkResult } from './linkResult.ts';
import { MAX_RUN_LINK_CHARS, RUN_LINK_VERSION, type RunLinkSuite, type RunSpec } from './runSpec.ts';

/** The model catalog a run link's `model` is checked against (ids of the installed WebLLM's builds). */
export interface RunLinkCatalog {
  has(modelId: string): boolean;
}

const KNOWN_KEYS = new Set([
  'v',
  'suite',
  'suite_version',
  'suite_url',
  'suite_hash',
  'model',
  'model_url',
  'model_lib_url',
  'temperature',
  'top_p',
  'max_tokens',
  'seed',
  'tool_call_mode',
  'samples',
]);

// Exactly the texts `String(number)` writes (and "-0"), so hand-edited values such as "0x1", " 1"
// or "" are refused instead of being read as some other number.
const NUMBER_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:e[+-]?\d+)?$/;

const numberText = v.pipe(
  v.string(),
  v.regex(NUMBER_TEXT, 'is not a number'),
  v.transform((text) => Number(text)),
);

const SCHEMAS = {
  suite: v.pipe(
    linkText('a suite id', 100),
    v.regex(/^[\w.-]+$/, 'is not a bundled suite id (letters, digits, ".", "_" and "-")'),
  ),
  suite_version: linkText('a suite version', 100),
  suite_url: HttpsUrlSchema,
  suite_hash: Sha256HexSchema,
  model: linkText('a model id', 200),
  model_url: HttpsUrlSchema,
  model_lib_url: WasmUrlSchema,
  temperature: v.pipe(numberText, TemperatureSchema),
  top_p: v.pipe(numberText, TopPSchema),
  max_tokens: v.pipe(numberText, MaxTokensSchema),
  seed: v.pipe(numberText, SeedSchema),
  tool_call_mode: ToolCallModeSchema,
  samples: v.pipe(numberText, SamplesSchema),
} as const;

type Key = keyof typeof SCHEMAS;

class RunLinkProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RunLinkProblem';
  }
}

/**
 * Reads a run link — a full URL, its fragment (`#/run?v=1&…`) or just the query — into the spec
 * it pins, checking every field: the version, each value's type and range (a message names the
 * parameter), a hash of 64 hex characters, https-only URLs, a model id the catalog knows (or a
 * custom build with both URLs). Unknown or repeated parameters are refused: a link is either
 * exactly what `encodeRunLink` wrote or hand-edited, and then it must still be unambiguous.
 * Never throws, whatever the string.
 */
export function decodeRunLink(link: string, catalog: RunLinkCatalog): LinkResult<RunSpec> {
  if (link.length > MAX_RUN_LINK_CHARS) {
    return linkError(
      `the link is ${link.length} characters long; run links are at most ${MAX_RUN_LINK_CHARS}`,
    );
  }
  const { path, query } = splitLinkFragment(link);
  if (path !== null && path !== '/run') {
    return linkError(
      path === '/compare'
        ? 'this is a results link (#/compare), not a run link: open it on the Compare page'
        : `not a run link: it points to ${quoteForMessage(`#${path}`)}, not #/run`,
    );
  }
  const version = query.getAll('v');
  if (version.length === 0) return linkError('not a tabeval run link: it has no version (v=1)');
  if (version.length > 1 || version[0] !== RUN_LINK_VERSION) {
    return linkError(
      `unknown run link version ${quoteForMessage(version.join(','))}; this tabeval reads version ${RUN_LINK_VERSION}`,
    );
  }
  for (const key of new Set(query.keys())) {
    if (!KNOWN_KEYS.has(key)) return linkError(`unknown parameter ${quoteForMessage(key)}`);
    if (query.getAll(key).length > 1) return linkError(`${key} is given more than once`);
  }
  try {
    return { ok: true, value: readSpec(query, catalog) };
  } catch (error) {
    if (error instanceof RunLinkProblem) return linkError(error.message);
    throw error;
  }
}

function read<K extends Key>(query: URLSearchParams, key: K): v.InferOutput<(typeof SCHEMAS)[K]> {
  const raw = query.get(key);
  if (raw === null) throw new RunLinkProblem(`${key} is missing`);
  const parsed = v.safeParse(SCHEMAS[key], raw);
  if (parsed.success) return parsed.output as v.InferOutput<(typeof SCHEMAS)[K]>;
  const message = firstIssue(parsed.issues, [key]);
  throw new RunLinkProblem(`${message} (got ${quoteForMessage(raw)})`);
}

function readSpec(query: URLSearchParams, catalog: RunLinkCatalog): RunSpec {
  return { suite: readSuite(query), model: readModel(query, catalog), params: readParams(query) };
}

function readSuite(query: URLSearchParams): RunLinkSuite {
  if (query.has('suite') && query.has('suite_url')) {
    throw new RunLinkProblem(
      'the link names both a bundled suite (suite) and a suite URL (suite_url); give one',
    );
  }
  if (query.has('suite_url')) {
    if (query.has('suite_version')) {
      throw new RunLinkProblem(
        'suite_version belongs to a bundled suite; a suite at a URL is pinned by suite_hash',
      );
    }
    const url = read(query, 'suite_url');
    return { kind: 'url', url, hash: read(query, 'suite_hash') };
  }
  if (!query.has('suite')) throw new RunLinkProblem('the link names no suite (suite or suite_url)');
  const id = read(query, 'suite');
  const version = read(query, 'suite_version');
  return { kind: 'bundled', id, version, hash: read(query, 'suite_hash') };
}

function readModel(query: URLSearchParams, catalog: RunLinkCatalog): WebLlmModelRef {
  const modelId = read(query, 'model');
  const custom = query.has('model_url') || query.has('model_lib_url');
  if (!custom) {
    if (!catalog.has(modelId)) {
      throw new RunLinkProblem(
        `model: ${quoteForMessage(modelId)} is not in this site's model catalog (a custom build needs model_url and model_lib_url)`,
      );
    }
    return { engine: 'webllm', kind: 'catalog', modelId };
  }
  if (catalog.has(modelId)) {
    throw new RunLinkProblem(
      `model: ${quoteForMessage(modelId)} is a catalog id, but the link gives custom URLs for it; a custom build needs its own id`,
    );
  }
  const modelUrl = read(query, 'model_url');
  return { engine: 'webllm', kind: 'custom', modelId, modelUrl, modelLibUrl: read(query, 'model_lib_url') };
}

function readParams(query: URLSearchParams): RunSpec['params'] {
  return {
    temperature: read(query, 'temperature'),
    top_p: read(query, 'top_p'),
    max_tokens: read(query, 'max_tokens'),
    seed: read(query, 'seed'),
    tool_call_mode: read(query, 'tool_call_mode'),
    // Links of the first release have no `samples`: one sample per case.
    samples: query.has('samples') ? read(query, 'samples') : 1,
  };
}
