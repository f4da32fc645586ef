import { describe, expect, it } from 'vitest';
import { mapUsage } from '../../../../src/engines/openai/usage.ts';

const usage = {
  prompt_tokens: 120,
  completion_tokens: 51,
  total_tokens: 171,
  extra: {
    e2e_latency_s: 2.5,
    prefill_tokens_per_s: 240,
    decode_tokens_per_s: 25,
    time_to_first_token_s: 0.5,
    time_per_output_token_s: 0.04,
  },
};

describe('mapUsage', () => {
  it('maps WebLLM usage.extra to reported figures (seconds to milliseconds)', () => {
    const u = mapUsage(usage, { startMs: 0, firstTokenMs: 600, lastTokenMs: 2600, endMs: 2700 });
    expect(u.reported).toEqual({
      promptTokens: 120,
      completionTokens: 51,
      ttftMs: 500,
      prefillTps: 240,
      decodeTps: 25,
      e2eMs: 2500,
    });
  });

  it('derives measured figures from our own timestamps', () => {
    const u = mapUsage(usage, { startMs: 1000, firstTokenMs: 1600, lastTokenMs: 3600, endMs: 3700 });
    expect(u.measured.ttftMs).toBe(600);
    expect(u.measured.e2eMs).toBe(2700);
    // 50 decode steps after the first token, over 2 s.
    expect(u.measured.decodeTps).toBe(25);
    expect(u.measured.prefillTps).toBe(200);
    expect(u.measured.completionTokens).toBe(51);
  });

  it('gives nulls where nothing was reported or streamed', () => {
    const u = mapUsage(undefined, { startMs: 0, firstTokenMs: null, lastTokenMs: null, endMs: 10 });
    expect(u.reported).toEqual({
      promptTokens: null,
      completionTokens: null,
      ttftMs: null,
      prefillTps: null,
      decodeTps: null,
      e2eMs: null,
    });
    expect(u.measured).toEqual({ ...u.reported, e2eMs: 10 });
  });

  it('has no decode rate for a single token and rejects non-finite numbers', () => {
    const one = {
      ...usage,
      completion_tokens: 1,
      extra: { ...usage.extra, decode_tokens_per_s: Number.NaN },
    };
    const u = mapUsage(one, { startMs: 0, firstTokenMs: 5, lastTokenMs: 5, endMs: 6 });
    expect(u.measured.decodeTps).toBeNull();
    expect(u.reported.decodeTps).toBeNull();
  });
});
