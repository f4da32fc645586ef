import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesToBase64url } from '../../../../src/core/link/base64url.ts';
import {
  decodeResultsPayload,
  encodeResultsLink,
  encodeResultsPayload,
  findResultsPayloads,
} from '../../../../src/core/link/resultsLink.ts';
import type { ResultsSummary } from '../../../../src/core/link/resultsSummary.ts';
import { summarizeReportForLink } from '../../../../src/core/link/summarizeReportForLink.ts';
import { parseReportJson } from '../../../../src/core/report/parseReportJson.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import { buildReport, deviceRecord, syntheticSuite } from '../../../fixtures/compare/buildReport.ts';
import { summaryArbitrary } from './summaryArbitrary.ts';

function fixture(name: string): Report {
  const result = parseReportJson(
    readFileSync(join(process.cwd(), 'tests', 'fixtures', 'reports', name), 'utf8'),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

function linkOf(report: Report): string {
  const link = encodeResultsLink(report);
  if (!link.ok) throw new Error(link.error);
  return link.value;
}

const payloadOf = (link: string) => link.slice('#/compare?r='.length);

function errorOf(payload: string): string {
  const result = decodeResultsPayload(payload);
  if (result.ok) throw new Error('expected the payload to be rejected');
  return result.error;
}

const punie = fixture('punie-30b.report.json');
const rich = fixture('rich.report.json');

describe('results links: what they carry', () => {
  it('summarise a report with its own numbers, pass/fail bits and hash prefixes in suite order', () => {
    const summary = summarizeReportForLink(rich);
    expect(summary.overall).toBe(rich.summary.overall);
    expect(summary.overallInterval).toEqual(rich.summary.overallInterval);
    expect(summary.macro).toBe(rich.summary.macro);
    expect(summary.categories.map((c) => [c.name, c.mean, c.n])).toEqual(
      rich.summary.categories.map((c) => [c.name, c.mean, c.records]),
    );
    expect(summary.suite).toEqual({ ...rich.suite, content: undefined, caseCount: 12 } as never);
    expect(summary.cases).toEqual(
      rich.cases.map((c) => ({
        passed: c.passed,
        output: c.outputHash === null ? null : c.outputHash.slice(0, 8),
      })),
    );
    expect(summary.model).toEqual({ id: 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC' });
    expect(summary.device).toEqual({
      vendor: 'apple',
      architecture: 'metal-3',
      isFallbackAdapter: false,
      label: expect.stringContaining('apple metal-3'),
    });
    expect(summary.params).toEqual({
      temperature: 0,
      top_p: 1,
      max_tokens: 1024,
      seed: 42,
      tool_call_mode: 'prompt',
    });
    expect(summary.source).toBe('webllm');
    expect(summary.speed.loadMs).toBe(8123);
    expect(summary.speed.decodeTps).toBeGreaterThan(0);
    expect(summary.createdAt).toBe('2026-01-15T10:00:00.000Z');
  });

  it('round-trip exactly: report → link → the summary of the report', () => {
    for (const report of [punie, rich]) {
      expect(decodeResultsPayload(payloadOf(linkOf(report)))).toEqual({
        ok: true,
        value: summarizeReportForLink(report),
      });
    }
  });

  it('mark cases a stopped run did not reach', () => {
    const partial: Report = { ...rich, cases: rich.cases.slice(0, 5) };
    const summary = summarizeReportForLink(partial);
    expect(summary.cases.slice(5).every((c) => c.passed === null && c.output === null)).toBe(true);
    expect(decodeResultsPayload(payloadOf(linkOf(partial)))).toEqual({ ok: true, value: summary });
  });

  it('refuse to encode a report a link cannot carry, with the reason', () => {
    // Built in memory past the validator: a report file with such a hash is refused on reading.
    const hostile = fixture('hostile.report.json');
    const broken = { ...hostile, suite: { ...hostile.suite, hash: '<img src=x>' } };
    expect(encodeResultsLink(broken)).toEqual({
      ok: false,
      error: expect.stringMatching(/^this report cannot be shared as a link: suite\.hash/),
    });
  });
});

describe('results links: size budgets', () => {
  it('punie-baseline (7 cases) stays under 2,000 characters', () => {
    const link = linkOf(punie);
    expect(link.length).toBeLessThan(2000);
    const richer = linkOf(rich);
    expect(richer.length).toBeLessThan(2000);
  });

  it('a 100-case suite with device, model, speeds and all-different outputs stays under 8 KB', async () => {
    const { suite, outputs } = syntheticSuite(100, (i) => i % 3 === 0);
    const report = await buildReport({
      suite,
      outputs,
      model: { id: 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC', url: null, libUrl: null },
      device: deviceRecord('apple', 'metal-3', 'macOS'),
      speed: { decodeTps: 41.5, prefillTps: 910 },
      loadMs: 8000,
    });
    const link = linkOf(report);
    expect(link.length).toBeLessThan(8 * 1024);
    const back = decodeResultsPayload(payloadOf(link));
    expect(back).toEqual({ ok: true, value: summarizeReportForLink(report) });
    if (back.ok) expect(back.value.cases.filter((c) => c.passed === false)).toHaveLength(34);
  });
});

describe('results links: damaged, tampered and hostile payloads', () => {
  const payload = payloadOf(linkOf(punie));

  it('a payload cut off anywhere is refused', () => {
    for (let length = 0; length < payload.length; length += 1) {
      expect(decodeResultsPayload(payload.slice(0, length)).ok).toBe(false);
    }
  });

  it('any single changed character is refused or changes nothing (base64 check, then the checksum)', () => {
    // The deflate stream's last byte ends in padding bits after the end-of-block code: changing
    // only those leaves the content as it was, which is no tampering. Any change to content is refused.
    const original = decodeResultsPayload(payload);
    expect(original.ok).toBe(true);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    let refused = 0;
    for (let i = 0; i < payload.length; i += 1) {
      const other = alphabet.charAt((alphabet.indexOf(payload.charAt(i)) + 1 + (i % 63)) % 64);
      const changed = payload.slice(0, i) + other + payload.slice(i + 1);
      const decoded = decodeResultsPayload(changed);
      if (decoded.ok) expect(decoded, `position ${i}`).toEqual(original);
      else refused += 1;
    }
    // Only the last byte's padding can change harmlessly: at most the last three characters.
    expect(refused).toBeGreaterThanOrEqual(payload.length - 3);
  });

  it('say what is wrong', () => {
    expect(errorOf('')).toMatch(/no r= value/);
    expect(errorOf(`${payload}*`)).toMatch(/^bad encoding: character \d+ \("\*"\) is not base64url/);
    expect(errorOf(`A${payload}`)).toMatch(/^bad encoding|unknown results link version/);
    expect(errorOf(`Ag${payload.slice(2)}`)).toMatch(
      /^unknown results link version 2; this tabeval reads version 1/,
    );
    expect(errorOf(payload.slice(0, -3))).toMatch(/cut off|damaged/);
    expect(errorOf('A'.repeat(300_000))).toMatch(/characters long; results links are at most/);
  });

  it('refuse a zip bomb without inflating it all', () => {
    const bomb = deflateSync(new Uint8Array(8 * 1024 * 1024), { level: 9 });
    const payloadBytes = new Uint8Array(bomb.length + 1);
    payloadBytes[0] = 1;
    payloadBytes.set(bomb, 1);
    expect(errorOf(bytesToBase64url(payloadBytes))).toMatch(/more than 1 MB/);
  });

  it('refuse a well-framed summary with values out of range, naming the field', () => {
    const summary = summarizeReportForLink(punie);
    const bad = { ...summary, overall: 1.5 };
    expect(encodeResultsPayload(bad)).toEqual({
      ok: false,
      error: expect.stringMatching(/overall: must be at most 1/),
    });
    const badCategory = { ...summary, categories: [{ ...summary.categories[0]!, passed: 99 }] };
    expect(encodeResultsPayload(badCategory)).toEqual({
      ok: false,
      error: expect.stringMatching(/more cases passed than it has/),
    });
  });

  it('never throw on any string or any bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.base64String()), (text) => {
        const result = decodeResultsPayload(text);
        if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.boolean(), (bytes, deflate) => {
        const body = deflate ? Uint8Array.of(1, ...deflateSync(bytes)) : bytes;
        const result = decodeResultsPayload(bytesToBase64url(body));
        expect(result.ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('results links: properties', () => {
  it('every valid summary round-trips exactly', () => {
    fc.assert(
      fc.property(summaryArbitrary, (summary: ResultsSummary) => {
        const payload = encodeResultsPayload(summary);
        if (!payload.ok) throw new Error(payload.error);
        expect(decodeResultsPayload(payload.value)).toEqual({ ok: true, value: summary });
      }),
      { numRuns: 300 },
    );
  });
});

describe('findResultsPayloads', () => {
  it('finds every r= in pasted links, fragments and bare payloads', () => {
    const text = `https://x.example/#/compare?r=AAA&r=BBB\n  #/compare?r=CCC   DDD\n/run?v=1`;
    expect(findResultsPayloads(text)).toEqual([
      { payload: 'AAA', source: 'link 1, r #1' },
      { payload: 'BBB', source: 'link 1, r #2' },
      { payload: 'CCC', source: 'link 2' },
      { payload: 'DDD', source: 'link 3' },
      { payload: '', source: 'link 4 ("/run?v=1" has no r=)' },
    ]);
  });
});
