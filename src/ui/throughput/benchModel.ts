import type { BenchModel } from '../../throughput/schema.ts';
import type { EngineInfo, ModelRef } from '../../core/engine.ts';
import { modelName } from '../../core/modelName.ts';
import { findCatalogModel } from '../../engines/webllm/models.ts';

const QUANTIZATION = /-(q\d+f\d+(?:_\d+)?)(?:-|$)/;

/**
 * The model facts of a bench result: from the catalog for a catalog build (size estimated from
 * params × bits, as the catalog says); for a custom build, the quantisation from its id and the
 * size from a cold load's download, when known.
 */
export function benchModelOf(ref: ModelRef, info: EngineInfo | null): BenchModel {
  const id = modelName(ref);
  const entry = findCatalogModel(id);
  if (entry) {
    return {
      id: entry.id,
      quantization: entry.quantization,
      sizeBytes: entry.downloadBytes,
      sizeIsEstimate: entry.downloadBytesIsEstimate,
      params: entry.params,
      paramsLabel: entry.paramsLabel,
    };
  }
  const downloaded = info?.load && !info.load.fromCache ? info.load.bytesDownloaded : null;
  return {
    id,
    quantization: QUANTIZATION.exec(id)?.[1] ?? null,
    sizeBytes: downloaded,
    sizeIsEstimate: false,
    params: null,
    paramsLabel: null,
  };
}

/** The replay engine's stand-in model. */
export const SYNTHETIC_MODEL: BenchModel = {
  id: 'synthetic (replay engine)',
  quantization: null,
  sizeBytes: null,
  sizeIsEstimate: false,
  params: null,
  paramsLabel: null,
};
