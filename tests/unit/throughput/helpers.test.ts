import { describe, expect, it } from 'vitest';
import { benchStats } from '../../../src/throughput/benchStats.ts';
import { planPrompt } from '../../../src/throughput/benchPrompt.ts';
import { browserVersion } from '../../../src/throughput/browserVersion.ts';
import { estimateBenchEta } from '../../../src/throughput/estimateBenchEta.ts';
import { mergeLoadRecords } from '../../../src/throughput/mergeLoadRecords.ts';
import { parseBenchQuery } from '../../../src/ui/throughput/benchQuery.ts';
import { niceCeiling } from '../../../src/core/report/chartScale.ts';
import { shortModelName } from '../../../src/ui/throughput/shortModelName.ts';

describe('benchStats', () => {
  it('median, mean, sample sd, range, spread and CV of the known values', () => {
    const s = benchStats([10, null, 12, 14, Number.NaN]);
    expect(s).toMatchObject({ n: 3, median: 12, mean: 12, sd: 2, min: 10, max: 14 });
    expect(s?.spread).toBeCloseTo(4 / 12, 12);
    expect(s?.cv).toBeCloseTo(2 / 12, 12);
  });
  it('one value: no sd, spread or CV; none: null', () => {
    expect(benchStats([5])).toEqual({
      n: 1,
      median: 5,
      mean: 5,
      sd: null,
      min: 5,
      max: 5,
      spread: null,
      cv: null,
    });
    expect(benchStats([null])).toBeNull();
  });
});

describe('planPrompt', () => {
  it('solves the calibration line for the repeats nearest N tokens', () => {
    expect(planPrompt(512, 27, 97)).toEqual({
      repeats: 50,
      tokensPerRepeat: 10,
      overheadTokens: 17,
      calibrated: true,
    });
    // 11 tokens per repeat, 25 of template: (512 − 25) / 11 = 44.3 → 44 repeats = 509 tokens.
    expect(planPrompt(512, 36, 113).repeats).toBe(44);
  });
  it('falls back to the estimate without usable counts, and never plans fewer than one repeat', () => {
    expect(planPrompt(512, null, 97)).toMatchObject({ repeats: 49, calibrated: false });
    expect(planPrompt(512, 50, 50)).toMatchObject({ calibrated: false });
    expect(planPrompt(16, 27, 97).repeats).toBe(1);
  });
});

describe('browserVersion', () => {
  it('prefers the specific brand of the client hints’ full version list, skipping GREASE', () => {
    const hints = {
      fullVersionList: [
        { brand: 'Not)A;Brand', version: '99.0.0.0' },
        { brand: 'Chromium', version: '131.0.6778.85' },
        { brand: 'Google Chrome', version: '131.0.6778.85' },
      ],
    };
    expect(browserVersion(hints, '')).toBe('Google Chrome 131.0.6778.85');
    expect(browserVersion({ fullVersionList: [{ brand: 'Chromium', version: '140.0.7339.0' }] }, '')).toBe(
      'Chromium 140.0.7339.0',
    );
  });
  it('falls back to the user agent', () => {
    expect(
      browserVersion(null, 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'),
    ).toBe('Firefox 133.0');
    expect(
      browserVersion(
        null,
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.2 Safari/605.1.15',
      ),
    ).toBe('Safari 18.2');
    expect(
      browserVersion(
        null,
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86',
      ),
    ).toBe('Microsoft Edge 131.0.2903.86');
    expect(browserVersion(null, 'curl/8')).toBeNull();
  });
});

describe('estimateBenchEta', () => {
  it('uses the mean of finished steps of a kind, else its prediction; null when either is missing', () => {
    const predicted = { pp: 500, tg: 4000 };
    expect(estimateBenchEta({ remaining: { pp: 2, tg: 3 }, done: { pp: [], tg: [] }, predicted })).toBe(13);
    expect(
      estimateBenchEta({
        remaining: { pp: 0, tg: 2 },
        done: { pp: [1], tg: [1000, 3000] },
        predicted,
      }),
    ).toBe(4);
    expect(
      estimateBenchEta({
        remaining: { pp: 1, tg: 1 },
        done: { pp: [], tg: [] },
        predicted: { pp: null, tg: 1 },
      }),
    ).toBeNull();
  });
});

describe('mergeLoadRecords', () => {
  it('files a download as cold and a cache load as warm, keeping the other', () => {
    const cold = mergeLoadRecords(null, { ms: 60_000, fromCache: false, bytesDownloaded: 9e8 }, 'day 1');
    expect(cold).toEqual({ cold: { ms: 60_000, bytesDownloaded: 9e8, seenAt: 'day 1' }, warm: null });
    const both = mergeLoadRecords(cold, { ms: 3000, fromCache: true, bytesDownloaded: 0 }, 'day 2');
    expect(both.cold).toEqual(cold.cold);
    expect(both.warm).toEqual({ ms: 3000, bytesDownloaded: 0, seenAt: 'day 2' });
    // The same load seen again keeps the date it was first seen.
    expect(
      mergeLoadRecords(both, { ms: 3000, fromCache: true, bytesDownloaded: 0 }, 'day 3').warm?.seenAt,
    ).toBe('day 2');
    expect(mergeLoadRecords(both, null, 'day 3')).toEqual(both);
  });
});

describe('parseBenchQuery (demo/test mode)', () => {
  it('reads engine=replay with its speeds; anything else is the loaded model', () => {
    expect(parseBenchQuery('#/bench?engine=replay&tps=200')).toEqual({
      engine: 'replay',
      decodeTps: 200,
      prefillTps: null,
    });
    expect(parseBenchQuery('#/bench?engine=replay&tps=-3&pp=5000')).toEqual({
      engine: 'replay',
      decodeTps: 100,
      prefillTps: 5000,
    });
    expect(parseBenchQuery('#/bench')).toEqual({ engine: 'webllm' });
    expect(parseBenchQuery('#/bench?engine=other')).toEqual({ engine: 'webllm' });
  });
});

describe('chart helpers', () => {
  it('rounds an axis top up to 1, 2, 2.5 or 5 × 10^k', () => {
    expect([0, 7, 10, 11, 23, 180, 2600].map(niceCeiling)).toEqual([1, 10, 10, 20, 25, 200, 5000]);
  });
  it('shortens catalog model ids', () => {
    expect(shortModelName('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC')).toBe('1.5B q4f16_1');
    expect(shortModelName('synthetic')).toBe('synthetic');
  });
});
