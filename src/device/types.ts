// DeviceInfo: what the device probe found. A plain, JSON-serialisable object: it is shown on the
// start page and recorded in reports.

export interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A software / fallback adapter (e.g. SwiftShader): results are valid, speed figures are not. */
  isFallbackAdapter: boolean;
}

export interface StorageSummary {
  quotaBytes: number | null;
  usageBytes: number | null;
  persisted: boolean | null;
}

/** User-Agent client hints (Chromium only; null elsewhere). */
export interface UaHints {
  brands: { brand: string; version: string }[];
  mobile: boolean | null;
  platform: string | null;
  platformVersion: string | null;
  architecture: string | null;
  bitness: string | null;
  model: string | null;
  fullVersionList: { brand: string; version: string }[];
}

/**
 * - available: navigator.gpu and an adapter;
 * - no-api: navigator.gpu is missing (browser without WebGPU, flag off, insecure context);
 * - no-adapter: navigator.gpu exists but requestAdapter() gave null;
 * - error: requestAdapter() threw.
 */
export type WebGpuStatus = 'available' | 'no-api' | 'no-adapter' | 'error';

export interface DeviceInfo {
  schema: 'tabeval.device/1';
  /** ISO timestamp of the probe. */
  probedAt: string;
  webgpu: WebGpuStatus;
  webgpuError: string | null;
  adapter: AdapterSummary | null;
  /** Adapter features, sorted (e.g. "shader-f16", "subgroups"). */
  features: string[];
  /** Every numeric adapter limit, by name. */
  limits: Record<string, number>;
  cores: number | null;
  /** navigator.deviceMemory: RAM in GB, rounded and capped by the browser (Chromium caps at 8). */
  deviceMemoryGB: number | null;
  userAgent: string;
  uaHints: UaHints | null;
  storage: StorageSummary | null;
  secureContext: boolean;
}
