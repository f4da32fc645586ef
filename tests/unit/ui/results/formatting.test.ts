import { describe, expect, it } from 'vitest';
import {
  describeIntervalMethod,
  formatCount,
  formatInterval,
  formatMs,
  formatTimestamp,
  formatTps,
  shortHash,
} from '../../../../src/core/format/formatFigures.ts';
import { deviceFacts, paramFacts } from '../../../../src/ui/results/runFacts.ts';
import { caseMessages } from '../../../../src/ui/results/caseMessages.ts';
import { loadReportFixture } from './loadFixture.ts';

describe('figure formats', () => {
  it('writes missing figures as a dash', () => {
    for (const format of [formatCount, formatTps, formatMs]) {
      expect(format(null)).toBe('–');
      expect(format(Number.NaN)).toBe('–');
    }
  });

  it('writes counts, speeds, durations and intervals', () => {
    expect(formatCount(12345.4)).toBe('12,345');
    expect(formatTps(41.26)).toBe('41.3 tok/s');
    expect(formatMs(431)).toBe('431 ms');
    expect(formatMs(2345)).toBe('2.3 s');
    expect(formatInterval({ low: 0.4642857, high: 0.9285714 })).toBe('46.4 – 92.9 %');
    expect(describeIntervalMethod('wilson-95')).toBe('Wilson 95 %');
    expect(describeIntervalMethod('bootstrap-95')).toBe('Bootstrap 95 %');
    expect(describeIntervalMethod('<b>odd</b>')).toBe('<b>odd</b>');
  });

  it('shortens hashes and writes times in UTC, unparsable ones as they are', () => {
    expect(shortHash('0123456789abcdef')).toBe('0123456789ab…');
    expect(shortHash('abc')).toBe('abc');
    expect(formatTimestamp('2026-01-15T10:00:59.000Z')).toBe('2026-01-15 10:00 UTC');
    expect(formatTimestamp('yesterday')).toBe('yesterday');
  });
});

describe('run facts', () => {
  it('lists the recorded sampling parameters and the tool-call mode', () => {
    const report = loadReportFixture('rich.report.json');
    expect(paramFacts(report)).toEqual([
      { label: 'temperature', value: '0' },
      { label: 'top_p', value: '1' },
      { label: 'max_tokens', value: '1024' },
      { label: 'seed', value: '42' },
      { label: 'tool calls', value: 'prompt' },
    ]);
    expect(paramFacts({ params: { ...report.params, samples: 5, tool_call_mode: 'native' } })).toContainEqual(
      {
        label: 'samples',
        value: '5',
      },
    );
  });

  it('reads the adapter facts of the device block', () => {
    expect(deviceFacts(loadReportFixture('rich.report.json').device)).toEqual([
      { label: 'vendor', value: 'apple' },
      { label: 'architecture', value: 'metal-3' },
      { label: 'fallback adapter', value: 'no' },
    ]);
    expect(deviceFacts(null)).toEqual([]);
    expect(deviceFacts({ label: 'x', browserVersion: null })).toEqual([]);
    expect(
      deviceFacts({
        label: null,
        browserVersion: null,
        adapter: { vendor: '', architecture: '', device: '', description: '', isFallbackAdapter: true },
      }),
    ).toEqual([{ label: 'fallback adapter', value: 'yes (software; speeds are not the GPU’s)' }]);
  });
});

describe('caseMessages', () => {
  it('gives the exact messages the runner sent, system prompt first', () => {
    const { byId, problem } = caseMessages(loadReportFixture('rich.report.json'));
    expect(problem).toBeNull();
    expect(byId.get('call-read')?.map((m) => m.role)).toEqual(['system', 'user']);
    expect(byId.get('multi-turn')?.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
  });

  it('falls back to the prompts it can find when the suite does not validate', () => {
    const content = {
      cases: [
        { id: 'x', prompt: 'Hi' },
        { id: 'y', messages: [{ role: 'user', content: 'Yo' }, 5] },
      ],
    };
    const { byId, problem } = caseMessages({ suite: { id: 's', version: '1', hash: 'h', content } });
    expect(problem).toMatch(/does not validate/);
    expect(byId.get('x')).toEqual([{ role: 'user', content: 'Hi' }]);
    expect(byId.get('y')).toEqual([{ role: 'user', content: 'Yo' }]);
    expect(caseMessages({ suite: { id: 's', version: '1', hash: 'h', content: null } }).byId.size).toBe(0);
  });
});
