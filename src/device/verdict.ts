// Pure model-fit rules: can this device run this model build, and which one to recommend.
import { FULL_BINDING_SIZE, limitShortfalls } from './requirements.ts';
import type { DeviceInfo } from './types.ts';
import { formatBytes } from '../core/format/formatBytes.ts';

/** What the rules need to know about a model build (the catalog entries satisfy it). */
export interface ModelRequirements {
  id: string;
  paramsLabel: string;
  quantization: string;
  shaderPrecision: 'f16' | 'f32';
  vramRequiredMB: number;
  lowResource: boolean;
  downloadBytes: number;
}

/**
 * - runs: nothing known stops it;
 * - needs-f32: an f16 build on a device without shader-f16 (use the f32 build);
 * - too-big-limits: a full-resource model on a device with limited buffer sizes;
 * - too-big-storage: the download does not fit the free storage quota;
 * - limits-too-low: the adapter is below WebLLM's minimums (no model runs);
 * - no-webgpu: no WebGPU or no adapter (no model runs).
 */
export type ModelFit =
  'runs' | 'needs-f32' | 'too-big-limits' | 'too-big-storage' | 'limits-too-low' | 'no-webgpu';

export interface ModelVerdict {
  modelId: string;
  fit: ModelFit;
  /** One sentence for the UI. */
  reason: string;
  /** The build to use instead, when there is one (the f32 build of the same size). */
  alternativeId?: string;
  /** Soft warnings: the model may still run. */
  warnings: string[];
}

export const FALLBACK_ADAPTER_NOTE =
  'This is a software (fallback) GPU adapter: results are valid, speed figures are not.';

export const RECOMMENDED_PARAMS = '1.5B';

/** Free storage in bytes (quota - usage), or null when the browser did not say. */
export function freeStorageBytes(device: DeviceInfo): number | null {
  const s = device.storage;
  if (!s || s.quotaBytes === null) return null;
  return Math.max(0, s.quotaBytes - (s.usageBytes ?? 0));
}

function f32Sibling(
  model: ModelRequirements,
  catalog: readonly ModelRequirements[],
): ModelRequirements | undefined {
  const wanted = model.quantization.startsWith('q0') ? 'q0f32' : 'q4f32_1';
  return catalog.find((m) => m.paramsLabel === model.paramsLabel && m.quantization === wanted);
}

/**
 * The verdict for one model on one device. `cachedIds`: models already downloaded (their
 * download does not count against free storage).
 */
export function modelVerdict(
  device: DeviceInfo,
  model: ModelRequirements,
  catalog: readonly ModelRequirements[],
  cachedIds: ReadonlySet<string> = new Set(),
): ModelVerdict {
  const warnings: string[] = [];
  const verdict = (fit: ModelFit, reason: string, alternativeId?: string): ModelVerdict => ({
    modelId: model.id,
    fit,
    reason,
    ...(alternativeId === undefined ? {} : { alternativeId }),
    warnings,
  });

  if (device.webgpu !== 'available') {
    return verdict('no-webgpu', 'No WebGPU adapter: no model can run in this browser.');
  }
  const shortfalls = limitShortfalls(device.limits);
  if (shortfalls.length > 0) {
    const names = shortfalls.map((s) => s.name).join(', ');
    return verdict('limits-too-low', `The GPU's limits are below WebLLM's minimums (${names}).`);
  }
  if (model.shaderPrecision === 'f16' && !device.features.includes('shader-f16')) {
    const alt = f32Sibling(model, catalog);
    return verdict(
      'needs-f32',
      `No shader-f16 on this GPU: use the f32 build${alt ? ` (${alt.id})` : ''}.`,
      alt?.id,
    );
  }
  const binding = device.limits['maxStorageBufferBindingSize'] ?? 0;
  if (!model.lowResource && binding < FULL_BINDING_SIZE) {
    return verdict(
      'too-big-limits',
      `This GPU binds at most ${Math.round(binding / 1024 ** 2)} MiB per buffer; this model needs a full-resource device (1 GiB).`,
    );
  }
  const free = freeStorageBytes(device);
  if (free !== null && !cachedIds.has(model.id) && model.downloadBytes > free) {
    return verdict(
      'too-big-storage',
      `The download (about ${formatBytes(model.downloadBytes)}) exceeds the free storage for this site (${formatBytes(free)}).`,
    );
  }
  if (device.deviceMemoryGB !== null && model.vramRequiredMB > device.deviceMemoryGB * 1024) {
    warnings.push(
      `Needs about ${(model.vramRequiredMB / 1024).toFixed(1)} GB of GPU memory; this device reports ` +
        `${device.deviceMemoryGB} GB of RAM (the browser caps the figure), so it may not fit.`,
    );
  }
  return verdict('runs', 'Should run on this device.');
}

export function modelVerdicts(
  device: DeviceInfo,
  catalog: readonly ModelRequirements[],
  cachedIds: ReadonlySet<string> = new Set(),
): ModelVerdict[] {
  return catalog.map((m) => modelVerdict(device, m, catalog, cachedIds));
}

export interface Recommendation {
  modelId: string | null;
  reason: string;
}

/**
 * The default model: the 1.5B 4-bit build with f16 shaders when the GPU has shader-f16, else
 * with f32 shaders; the 0.5B build in the same precision when the 1.5B does not fit; none when
 * nothing runs.
 */
export function recommendModel(
  device: DeviceInfo,
  catalog: readonly ModelRequirements[],
  cachedIds: ReadonlySet<string> = new Set(),
): Recommendation {
  const f16 = device.features.includes('shader-f16');
  const quant = f16 ? 'q4f16_1' : 'q4f32_1';
  for (const size of [RECOMMENDED_PARAMS, '0.5B']) {
    const model = catalog.find((m) => m.paramsLabel === size && m.quantization === quant);
    if (!model) continue;
    const v = modelVerdict(device, model, catalog, cachedIds);
    if (v.fit === 'runs') {
      const why = f16 ? 'the GPU has shader-f16' : 'the GPU has no shader-f16, so the f32 build';
      return {
        modelId: model.id,
        reason:
          size === RECOMMENDED_PARAMS
            ? `${size} 4-bit: ${why}.`
            : `${size} 4-bit (${why}): the ${RECOMMENDED_PARAMS} build does not fit.`,
      };
    }
  }
  return { modelId: null, reason: 'No catalog model can run on this device.' };
}

/** The largest build that runs, and the one-line verdict the start page shows. */
export interface DeviceSummary {
  /** The largest catalog build whose verdict is `runs` (4-bit first at equal size); null if none. */
  modelId: string | null;
  /** "This GPU can run up to Qwen2.5-Coder-3B q4f32", or why nothing runs. */
  line: string;
}

/** A build's short name: "Qwen2.5-Coder-3B q4f32" for `Qwen2.5-Coder-3B-Instruct-q4f32_1-MLC`. */
export function shortBuildName(model: ModelRequirements & { family?: string }): string {
  return `${model.family ?? 'Qwen2.5-Coder'}-${model.paramsLabel} ${model.quantization.replace(/_\d+$/, '')}`;
}

function paramsValue(label: string): number {
  return Number.parseFloat(label) || 0;
}

/**
 * The largest catalog build this device can run, by parameter count; among builds of that size the
 * fewest bits per weight (the smallest download). Never guesses past a verdict: a build with a soft
 * warning still counts as running, a `needs-f32` or `too-big-*` build never does.
 */
export function summarizeDevice(
  device: DeviceInfo,
  catalog: readonly (ModelRequirements & { family?: string })[],
  cachedIds: ReadonlySet<string> = new Set(),
): DeviceSummary {
  const running = modelVerdicts(device, catalog, cachedIds)
    .filter((v) => v.fit === 'runs')
    .map((v) => catalog.find((m) => m.id === v.modelId))
    .filter((m) => m !== undefined);
  const best = running.reduce<(typeof running)[number] | undefined>((top, m) => {
    if (!top) return m;
    const size = paramsValue(m.paramsLabel) - paramsValue(top.paramsLabel);
    if (size !== 0) return size > 0 ? m : top;
    return m.downloadBytes < top.downloadBytes ? m : top;
  }, undefined);
  if (best) return { modelId: best.id, line: `This GPU can run up to ${shortBuildName(best)}` };
  if (device.webgpu !== 'available') {
    return { modelId: null, line: 'No WebGPU in this browser: no model can run in this tab' };
  }
  return { modelId: null, line: 'This GPU cannot run any catalog build' };
}
