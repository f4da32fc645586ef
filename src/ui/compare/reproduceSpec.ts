import type { ModelRef, WebLlmModelRef } from '../../core/engine.ts';
import type { RunLinkCatalog } from '../../core/link/decodeRunLink.ts';
import type { LinkResult } from '../../core/link/linkResult.ts';
import type { RunLinkSuite, RunSpec } from '../../core/link/runSpec.ts';
import type { Report } from '../../core/report/schema.ts';
import { linkParams } from './describeRunSpec.ts';

/** What a finished run knows about itself: its report, and the model a live run loaded. */
export interface FinishedRun {
  report: Pick<Report, 'suite' | 'params' | 'source'>;
  /** The model of a live run; null for a replay (the report's source names it). */
  model: ModelRef | null;
}

/**
 * The run spec that reproduces a finished run: its suite (bundled under the same id, else at
 * `suiteUrl`), its model (the live run's, else the catalog build or https build the report names)
 * and its parameters. Says why when the run cannot be linked (a model behind a server cannot be).
 * Never throws.
 */
export function reproduceSpec(
  run: FinishedRun,
  bundledIds: readonly string[],
  catalog: RunLinkCatalog,
  suiteUrl: string,
): LinkResult<RunSpec> {
  let suite: RunLinkSuite;
  const { id, version, hash } = run.report.suite;
  if (bundledIds.includes(id)) {
    suite = { kind: 'bundled', id, version, hash };
  } else if (suiteUrl.trim() !== '') {
    suite = { kind: 'url', url: suiteUrl.trim(), hash };
  } else {
    return {
      ok: false,
      error: `The suite ${id} is not bundled with this site: give the https URL where the suite file can be fetched.`,
    };
  }
  const model = run.model?.engine === 'webllm' ? run.model : reportModel(run.report.source, catalog);
  if (!model) {
    return {
      ok: false,
      error:
        'The report names no model build a link can load (a catalog id, or https weights and .wasm URLs).',
    };
  }
  return { ok: true, value: { suite, model, params: linkParams(run.report.params) } };
}

function reportModel(source: Report['source'], catalog: RunLinkCatalog): WebLlmModelRef | null {
  if (source.kind !== 'webllm') return null;
  const model = source.model;
  if (catalog.has(model.id)) return { engine: 'webllm', kind: 'catalog', modelId: model.id };
  if (model.url && model.libUrl) {
    return {
      engine: 'webllm',
      kind: 'custom',
      modelId: model.id,
      modelUrl: model.url,
      modelLibUrl: model.libUrl,
    };
  }
  return null;
}
