import { describe, expect, it } from 'vitest';
import { formatBinaryBytes, formatBytes } from '../../../../src/core/format/formatBytes.ts';
import { formatDuration } from '../../../../src/core/format/formatDuration.ts';

describe('formatBytes and formatDuration', () => {
  it('formats bytes, limits and durations', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1536)).toBe('1.54 KB');
    expect(formatBytes(963_000_000)).toBe('963 MB');
    expect(formatBytes(10.7e9)).toBe('10.7 GB');
    expect(formatBytes(null)).toBe('unknown');
    expect(formatBinaryBytes(1024 ** 3)).toBe('1 GiB');
    expect(formatBinaryBytes(256 * 1024 ** 2)).toBe('256 MiB');
    expect(formatBinaryBytes(32 * 1024)).toBe('32 KiB');
    expect(formatDuration(18)).toBe('18 s');
    expect(formatDuration(75)).toBe('1 min 15 s');
    expect(formatDuration(3720)).toBe('1 h 2 min');
  });
});
