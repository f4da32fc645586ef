import { describe, expect, it } from 'vitest';
import { deviceFacts, deviceLimitFacts } from '../../../../src/core/report/deviceFacts.ts';
import type { DeviceBlock } from '../../../../src/core/report/schema.ts';

const facts = (device: DeviceBlock) => new Map(deviceFacts(device).map((f) => [f.label, f.value]));

describe('deviceFacts: a recorded device in words', () => {
  it('says a software adapter makes speeds meaningless, and what f16 support means', () => {
    const found = facts({
      label: 'CI box',
      browserVersion: null,
      webgpu: 'available',
      webgpuError: null,
      adapter: {
        vendor: 'google',
        architecture: 'swiftshader',
        device: '',
        description: 'SwiftShader',
        isFallbackAdapter: true,
      },
      features: [],
      limits: { maxBufferSize: 268435456 },
      cores: 2,
      deviceMemoryGB: null,
      uaHints: {
        brands: [],
        mobile: false,
        platform: 'Linux',
        platformVersion: '6.1',
        architecture: 'x86',
        bitness: '64',
        model: '',
        fullVersionList: [{ brand: 'Chromium', version: '141.0.1' }],
      },
    });
    expect(found.get('Label')).toBe('CI box');
    expect(found.get('GPU')).toBe('SwiftShader (google, swiftshader)');
    expect(found.get('Software adapter')).toMatch(/^yes: .*speeds say nothing of the hardware$/);
    expect(found.get('16-bit shaders (shader-f16)')).toBe('no: only f32 builds can run');
    expect(found.get('GPU features')).toBe('none reported');
    expect(found.get('Largest GPU buffer')).toBe('256 MiB');
    expect(found.get('Memory')).toBe('not reported');
    expect(found.get('Platform')).toBe('Linux 6.1 (x86, 64-bit)');
    expect(found.get('Mobile')).toBe('no');
    expect(found.get('Browser')).toBe('Chromium 141.0.1');
  });

  it('lists only what was recorded, and explains a browser without WebGPU', () => {
    const found = facts({ label: null, browserVersion: null, webgpu: 'no-api', webgpuError: null });
    expect([...found.keys()]).toEqual(['WebGPU']);
    expect(found.get('WebGPU')).toBe('not offered by this browser (no navigator.gpu)');
    expect(deviceLimitFacts({ label: null, browserVersion: null })).toEqual([]);
  });

  it('reads a limit named like an Object.prototype member as data only', () => {
    const limits = Object.assign(Object.create(null) as Record<string, number>, {
      constructor: 1,
      maxBufferSize: 2,
    });
    expect(deviceLimitFacts({ label: null, browserVersion: null, limits })).toEqual([
      { label: 'constructor', value: '1' },
      { label: 'maxBufferSize', value: '2' },
    ]);
  });
});
