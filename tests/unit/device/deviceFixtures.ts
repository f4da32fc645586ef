import type { DeviceInfo } from '../../../src/device/types.ts';

const GiB = 1024 ** 3;

/** Headless Chromium's SwiftShader adapter, as probed on the CI machine. */
export function swiftshader(overrides: Partial<DeviceInfo> = {}): DeviceInfo {
  return {
    schema: 'tabeval.device/1',
    probedAt: '2026-01-01T00:00:00.000Z',
    webgpu: 'available',
    webgpuError: null,
    adapter: {
      vendor: 'google',
      architecture: 'swiftshader',
      device: '',
      description: '',
      isFallbackAdapter: true,
    },
    features: ['depth-clip-control', 'float32-filterable', 'subgroups'],
    limits: {
      maxBufferSize: GiB,
      maxStorageBufferBindingSize: GiB,
      maxComputeWorkgroupStorageSize: 32768,
      maxStorageBuffersPerShaderStage: 10,
    },
    cores: 2,
    deviceMemoryGB: 8,
    userAgent: 'HeadlessChrome/156',
    uaHints: null,
    storage: { quotaBytes: 10e9, usageBytes: 0, persisted: false },
    secureContext: true,
    ...overrides,
  };
}

/** A laptop GPU with shader-f16. */
export function laptop(overrides: Partial<DeviceInfo> = {}): DeviceInfo {
  const base = swiftshader();
  return {
    ...base,
    adapter: {
      vendor: 'apple',
      architecture: 'metal-3',
      device: '',
      description: '',
      isFallbackAdapter: false,
    },
    features: ['shader-f16', 'subgroups'],
    deviceMemoryGB: 16,
    ...overrides,
  };
}
