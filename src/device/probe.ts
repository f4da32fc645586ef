// The device probe: WebGPU adapter, features and limits, CPU cores, memory, user agent (and
// client hints) and storage. Runs in the page; never throws (failures are part of the result).
import { getGpu, readAdapterSummary, readFeatures, readLimits } from './adapter.ts';
import type { DeviceInfo, StorageSummary, UaHints } from './types.ts';

const ADAPTER_TIMEOUT_MS = 10_000;

interface UaDataLike {
  brands?: { brand: string; version: string }[];
  mobile?: boolean;
  platform?: string;
  getHighEntropyValues?: (hints: string[]) => Promise<Record<string, unknown>>;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

function brandList(v: unknown): { brand: string; version: string }[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (b): b is { brand: string; version: string } =>
        typeof b?.brand === 'string' && typeof b?.version === 'string',
    )
    .map((b) => ({ brand: b.brand, version: b.version }));
}

async function readUaHints(nav: Navigator): Promise<UaHints | null> {
  const data = (nav as { userAgentData?: UaDataLike }).userAgentData;
  if (!data) return null;
  let high: Record<string, unknown> = {};
  try {
    high =
      (await data.getHighEntropyValues?.([
        'architecture',
        'bitness',
        'model',
        'platformVersion',
        'fullVersionList',
      ])) ?? {};
  } catch {
    // Hints can be refused by policy; the low-entropy ones remain.
  }
  return {
    brands: brandList(data.brands),
    mobile: typeof data.mobile === 'boolean' ? data.mobile : null,
    platform: str(data.platform),
    platformVersion: str(high['platformVersion']),
    architecture: str(high['architecture']),
    bitness: str(high['bitness']),
    model: str(high['model']),
    fullVersionList: brandList(high['fullVersionList']),
  };
}

async function readStorage(nav: Navigator): Promise<StorageSummary | null> {
  const storage = (nav as { storage?: StorageManager }).storage;
  if (!storage || typeof storage.estimate !== 'function') return null;
  try {
    const estimate = await storage.estimate();
    const persisted = typeof storage.persisted === 'function' ? await storage.persisted() : null;
    return { quotaBytes: estimate.quota ?? null, usageBytes: estimate.usage ?? null, persisted };
  } catch {
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

/** Probe this browser and device. Never throws. */
export async function probeDevice(nav: Navigator = navigator): Promise<DeviceInfo> {
  const memory = (nav as { deviceMemory?: unknown }).deviceMemory;
  const info: DeviceInfo = {
    schema: 'tabeval.device/1',
    probedAt: new Date().toISOString(),
    webgpu: 'no-api',
    webgpuError: null,
    adapter: null,
    features: [],
    limits: {},
    cores: typeof nav.hardwareConcurrency === 'number' ? nav.hardwareConcurrency : null,
    deviceMemoryGB: typeof memory === 'number' ? memory : null,
    userAgent: nav.userAgent,
    uaHints: null,
    storage: null,
    secureContext: typeof isSecureContext === 'boolean' ? isSecureContext : false,
  };
  const [uaHints, storage] = await Promise.all([readUaHints(nav), readStorage(nav)]);
  info.uaHints = uaHints;
  info.storage = storage;

  const gpu = getGpu(nav);
  if (!gpu) return info;
  try {
    const adapter = await withTimeout(gpu.requestAdapter(), ADAPTER_TIMEOUT_MS);
    if (!adapter) {
      info.webgpu = 'no-adapter';
      return info;
    }
    info.webgpu = 'available';
    info.adapter = await readAdapterSummary(adapter);
    info.features = readFeatures(adapter.features);
    info.limits = readLimits(adapter.limits);
  } catch (err) {
    info.webgpu = 'error';
    info.webgpuError = String(err);
  }
  return info;
}
