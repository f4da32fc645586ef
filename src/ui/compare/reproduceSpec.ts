import type { GenerationParams, ModelRef } from '../../core/engine.ts';
import type { RunLinkCatalog } from '../../core/link/decodeRunLink.ts';
import type { LinkResult } from '../../core/link/linkResult.ts';
import type { RunLinkSuite, RunSpec } from '../../core/link/runSpec.ts';
import type { Report } from '../../core/report/schema.ts';
import { linkParams } from './describeRunSpec.ts';

/** What a finished run knows about itself (a stored run and its report). */
export interface FinishedRun {
  suite: { id: string; version: string };
  suiteHash: string;
  params: GenerationParams;
  /** The model of a live run; null for a replay. */
  model: ModelRef | null;
  report: Pick<Report, 'model'>;
}

/**
 * The run spec that reproduces a finished run: its suite (bundled under the same id, else at
 * `suiteUrl`), its model (the live run's, else the catalog build or https build the report names)
 * and its parameters. Says why when the run cannot be linked. Never throws.
 */
export function reproduceSpec(
  run: FinishedRun,
  bundledIds: readonly string[],
  catalog: RunLinkCatalog,
  suiteUrl: string,
): LinkResult<RunSpec> {
  let suite: RunLinkSuite;
  if (bundledIds.includes(run.suite.id)) {
    suite = { kind: 'bundled', id: run.suite.id, version: run.suite.version, hash: run.suiteHash };
  } else if (suiteUrl.trim() !== '') {
    suite = { kind: 'url', url: suiteUrl.trim(), hash: run.suiteHash };
  } else {
    return {
      ok: false,
      error: `The suite ${run.suite.id} is not bundled with this site: give the https URL where the suite file can be fetched.`,
    };
  }
  const model = run.model ?? reportModel(run.report.model, catalog);
  if (!model) {
    return {
      ok: false,
      error:
        'The report names no model build a link can load (a catalog id, or https weights and .wasm URLs).',
    };
  }
  return { ok: true, value: { suite, model, params: linkParams(run.params) } };
}

function reportModel(model: Report['model'], catalog: RunLinkCatalog): ModelRef | null {
  if (!model) return null;
  if (catalog.has(model.id)) return { kind: 'catalog', modelId: model.id };
  if (model.url && model.libUrl)
    return { kind: 'custom', modelId: model.id, modelUrl: model.url, modelLibUrl: model.libUrl };
  return null;
}
