// Derives tabeval's model catalog from WebLLM's `prebuiltAppConfig`. Pure: the build script
// (scripts/gen-model-catalog.ts) and the staleness test both call it with the installed package's
// values, so the committed catalog.generated.json is always what this WebLLM version ships.
import type { AppConfig, ModelRecord } from '@mlc-ai/web-llm';

/** One catalog model, as stored in catalog.generated.json. */
export interface CatalogModel {
  id: string;
  family: string;
  /** Nominal parameter count as written in the id ("1.5B"). */
  paramsLabel: string;
  /** Parameter count (published figure for the Qwen2.5-Coder sizes, nominal otherwise). */
  params: number;
  /** MLC quantisation code, e.g. "q4f16_1", "q0f32". */
  quantization: string;
  /** Bits per stored weight (4 or 16/32 for the unquantised builds). */
  weightBits: number;
  /** Precision of the compute shaders: f16 builds need the WebGPU `shader-f16` feature. */
  shaderPrecision: 'f16' | 'f32';
  vramRequiredMB: number;
  modelUrl: string;
  modelLibUrl: string;
  contextWindow: number | null;
  lowResource: boolean;
  /** Approximate download size of the weights. */
  downloadBytes: number;
  /** True: estimated from params x bits (WebLLM publishes no download sizes). */
  downloadBytesIsEstimate: boolean;
}

export interface CatalogFile {
  webllmVersion: string;
  modelVersion: string;
  models: CatalogModel[];
}

const FAMILY = 'Qwen2.5-Coder';

// Published parameter counts of the Qwen2.5-Coder sizes; the id only carries the nominal label.
const PUBLISHED_PARAMS: Record<string, number> = {
  '0.5B': 0.49e9,
  '1.5B': 1.54e9,
  '3B': 3.09e9,
  '7B': 7.61e9,
};

const ID_PATTERN = /^Qwen2\.5-Coder-(\d+(?:\.\d+)?B)-Instruct-(q(\d)f(16|32)(?:_\d)?)-MLC$/;

/** Effective bits per weight including group scales (group size 32, one scale per group). */
function effectiveBits(weightBits: number, scaleBits: number): number {
  if (weightBits === 0) return scaleBits; // q0: unquantised weights stored at the shader precision
  return weightBits + scaleBits / 32;
}

function toCatalogModel(record: ModelRecord): CatalogModel | undefined {
  const m = ID_PATTERN.exec(record.model_id);
  if (!m) return undefined;
  const [, paramsLabel = '', quantization = '', qBits = '0', precision = '32'] = m;
  const params = PUBLISHED_PARAMS[paramsLabel] ?? Number.parseFloat(paramsLabel) * 1e9;
  const floatBits = Number(precision);
  const bits = Number(qBits);
  const contextWindow = record.overrides?.context_window_size;
  return {
    id: record.model_id,
    family: FAMILY,
    paramsLabel,
    params,
    quantization,
    weightBits: bits === 0 ? floatBits : bits,
    shaderPrecision: floatBits === 16 ? 'f16' : 'f32',
    vramRequiredMB: record.vram_required_MB ?? 0,
    modelUrl: record.model,
    modelLibUrl: record.model_lib,
    contextWindow: typeof contextWindow === 'number' ? contextWindow : null,
    lowResource: record.low_resource_required ?? false,
    downloadBytes: Math.round((params * effectiveBits(bits, floatBits)) / 8),
    downloadBytesIsEstimate: true,
  };
}

/** Every Qwen2.5-Coder build of `appConfig`, smallest first, in WebLLM's order within a size. */
export function deriveCatalog(
  appConfig: AppConfig,
  webllmVersion: string,
  modelVersion: string,
): CatalogFile {
  const models = appConfig.model_list
    .map(toCatalogModel)
    .filter((m): m is CatalogModel => m !== undefined)
    .sort((a, b) => a.params - b.params);
  return { webllmVersion, modelVersion, models };
}
