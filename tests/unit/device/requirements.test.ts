import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  limitShortfalls,
  WEBLLM_MIN_LIMITS,
  webLlmRequiredLimits,
} from '../../../src/device/requirements.ts';

const MiB = 1024 ** 2;

describe('WebLLM limits', () => {
  it('lists the limits below the minimums', () => {
    expect(limitShortfalls({ ...WEBLLM_MIN_LIMITS })).toEqual([]);
    expect(limitShortfalls({ ...WEBLLM_MIN_LIMITS, maxBufferSize: 128 * MiB })).toEqual([
      { name: 'maxBufferSize', required: 256 * MiB, actual: 128 * MiB },
    ]);
    expect(limitShortfalls({}).map((s) => s.name)).toEqual(Object.keys(WEBLLM_MIN_LIMITS));
  });

  it('asks for 1 GiB buffers when offered, like WebLLM', () => {
    expect(
      webLlmRequiredLimits({ maxBufferSize: 2048 * MiB, maxStorageBufferBindingSize: 1024 * MiB }),
    ).toEqual({
      maxBufferSize: 1024 * MiB,
      maxStorageBufferBindingSize: 1024 * MiB,
      maxComputeWorkgroupStorageSize: 32 * 1024,
      maxStorageBuffersPerShaderStage: 10,
    });
    expect(
      webLlmRequiredLimits({ maxBufferSize: 512 * MiB, maxStorageBufferBindingSize: 256 * MiB }),
    ).toMatchObject({
      maxBufferSize: 256 * MiB,
      maxStorageBufferBindingSize: 128 * MiB,
    });
  });

  it('matches what the installed WebLLM requests', () => {
    const lib = readFileSync(
      new URL('../../../node_modules/@mlc-ai/web-llm/lib/index.js', import.meta.url),
      'utf8',
    );
    expect(lib).toContain('const backupRequiredMaxBufferSize = 1 << 28; // 256MB');
    expect(lib).toContain('const backupRequiredMaxStorageBufferBindingSize = 1 << 27; // 128MB');
    expect(lib).toContain('const requiredMaxComputeWorkgroupStorageSize = 32 << 10;');
    expect(lib).toContain('const requiredMaxStorageBuffersPerShaderStage = 10;');
  });
});
