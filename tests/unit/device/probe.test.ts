import { describe, expect, it } from 'vitest';
import { readAdapterSummary, readFeatures, readLimits } from '../../../src/device/adapter.ts';
import { probeDevice } from '../../../src/device/probe.ts';

class Limits {
  get maxBufferSize(): number {
    return 1024;
  }
  get maxStorageBuffersPerShaderStage(): number {
    return 10;
  }
}

function adapter(info: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): GPUAdapter {
  return {
    info,
    features: new Set(['subgroups', 'shader-f16']),
    limits: new Limits(),
    ...extra,
  } as unknown as GPUAdapter;
}

function nav(overrides: Record<string, unknown>): Navigator {
  return { hardwareConcurrency: 4, userAgent: 'UA', ...overrides } as unknown as Navigator;
}

describe('adapter readers', () => {
  it('reads adapter.info, including isFallbackAdapter', async () => {
    const s = await readAdapterSummary(
      adapter({
        vendor: 'google',
        architecture: 'swiftshader',
        device: '',
        description: 'SwiftShader',
        isFallbackAdapter: true,
      }),
    );
    expect(s).toEqual({
      vendor: 'google',
      architecture: 'swiftshader',
      device: '',
      description: 'SwiftShader',
      isFallbackAdapter: true,
    });
  });

  it('falls back to the legacy adapter.isFallbackAdapter and requestAdapterInfo()', async () => {
    const legacy = adapter(undefined, {
      isFallbackAdapter: true,
      requestAdapterInfo: async () => ({ vendor: 'intel', architecture: 'gen-12' }),
    });
    expect(await readAdapterSummary(legacy)).toMatchObject({ vendor: 'intel', isFallbackAdapter: true });
    expect((await readAdapterSummary(adapter({ vendor: 'x' }))).isFallbackAdapter).toBe(false);
  });

  it('reads limits from prototype getters and sorts features', () => {
    expect(readLimits(new Limits() as unknown as GPUSupportedLimits)).toEqual({
      maxBufferSize: 1024,
      maxStorageBuffersPerShaderStage: 10,
    });
    expect(readFeatures(new Set(['subgroups', 'shader-f16']) as unknown as GPUSupportedFeatures)).toEqual([
      'shader-f16',
      'subgroups',
    ]);
  });
});

describe('probeDevice', () => {
  it('reports no-api without navigator.gpu, and still reads cores, UA and storage', async () => {
    const info = await probeDevice(
      nav({ storage: { estimate: async () => ({ quota: 100, usage: 10 }), persisted: async () => false } }),
    );
    expect(info).toMatchObject({
      schema: 'tabeval.device/1',
      webgpu: 'no-api',
      adapter: null,
      cores: 4,
      userAgent: 'UA',
      deviceMemoryGB: null,
      storage: { quotaBytes: 100, usageBytes: 10, persisted: false },
    });
    expect(JSON.parse(JSON.stringify(info))).toEqual(info);
  });

  it('reports no-adapter and error', async () => {
    expect((await probeDevice(nav({ gpu: { requestAdapter: async () => null } }))).webgpu).toBe('no-adapter');
    const failed = await probeDevice(
      nav({
        gpu: {
          requestAdapter: async () => {
            throw new Error('boom');
          },
        },
      }),
    );
    expect(failed).toMatchObject({ webgpu: 'error', webgpuError: 'Error: boom' });
  });

  it('reads the adapter, features, limits, memory and client hints', async () => {
    const info = await probeDevice(
      nav({
        deviceMemory: 8,
        gpu: {
          requestAdapter: async () =>
            adapter({ vendor: 'google', architecture: 'swiftshader', isFallbackAdapter: true }),
        },
        userAgentData: {
          brands: [{ brand: 'Chromium', version: '156' }],
          mobile: false,
          platform: 'Linux',
          getHighEntropyValues: async () => ({
            architecture: 'x86',
            bitness: '64',
            fullVersionList: [{ brand: 'Chromium', version: '156.0.1' }],
          }),
        },
      }),
    );
    expect(info.webgpu).toBe('available');
    expect(info.adapter).toMatchObject({
      vendor: 'google',
      architecture: 'swiftshader',
      isFallbackAdapter: true,
    });
    expect(info.features).toEqual(['shader-f16', 'subgroups']);
    expect(info.limits['maxBufferSize']).toBe(1024);
    expect(info.deviceMemoryGB).toBe(8);
    expect(info.uaHints).toMatchObject({
      platform: 'Linux',
      architecture: 'x86',
      bitness: '64',
      mobile: false,
    });
    expect(info.uaHints?.fullVersionList).toEqual([{ brand: 'Chromium', version: '156.0.1' }]);
  });
});
