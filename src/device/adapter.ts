// Reading a GPUAdapter into plain data; shared by the page's probe and the worker's probe.
import type { AdapterSummary } from './types.ts';

type LegacyAdapter = GPUAdapter & {
  /** Older Chromium exposed this on the adapter itself; newer ones on adapter.info. */
  isFallbackAdapter?: boolean;
  requestAdapterInfo?: () => Promise<GPUAdapterInfo>;
};

/** navigator.gpu, or undefined when the browser has no WebGPU (the DOM types claim it is always there). */
export function getGpu(nav: Navigator | WorkerNavigator): GPU | undefined {
  return (nav as { gpu?: GPU }).gpu ?? undefined;
}

export async function readAdapterSummary(adapter: GPUAdapter): Promise<AdapterSummary> {
  const legacy = adapter as LegacyAdapter;
  let info: Partial<GPUAdapterInfo> | undefined = (adapter as { info?: GPUAdapterInfo }).info;
  if (!info && typeof legacy.requestAdapterInfo === 'function') {
    info = await legacy.requestAdapterInfo().catch(() => undefined);
  }
  const fallbackFromInfo = (info as { isFallbackAdapter?: unknown } | undefined)?.isFallbackAdapter;
  const fallback =
    typeof fallbackFromInfo === 'boolean'
      ? fallbackFromInfo
      : typeof legacy.isFallbackAdapter === 'boolean'
        ? legacy.isFallbackAdapter
        : false;
  return {
    vendor: info?.vendor ?? '',
    architecture: info?.architecture ?? '',
    device: info?.device ?? '',
    description: info?.description ?? '',
    isFallbackAdapter: fallback,
  };
}

export function readLimits(limits: GPUSupportedLimits): Record<string, number> {
  // WebIDL attributes are getters on the prototype (enumerable in browsers; a for-in alone misses
  // them in polyfills and class-based fakes), so collect names from both.
  const names = new Set<string>(Object.getOwnPropertyNames(Object.getPrototypeOf(limits) ?? {}));
  for (const key in limits) names.add(key);
  const out: Record<string, number> = {};
  for (const name of [...names].sort()) {
    const value = (limits as unknown as Record<string, unknown>)[name];
    if (typeof value === 'number') out[name] = value;
  }
  return out;
}

export function readFeatures(features: GPUSupportedFeatures): string[] {
  return [...features].sort();
}
