import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  MAX_REPORT_DEPTH,
  parseReportJson,
  validateReport,
} from '../../../../src/core/report/parseReportJson.ts';
import { findTooDeep } from '../../../../src/core/validation/findTooDeep.ts';

const FIXTURE = readFileSync('tests/fixtures/reports/punie-30b.report.json', 'utf8');
const V1 = readFileSync('tests/fixtures/reports/punie-30b.v1.report.json', 'utf8');

/** The fixture's text with `"__DEEP__"` in `field` replaced by `levels` nested arrays or objects. */
function withDeep(
  text: string,
  set: (report: Record<string, unknown>) => void,
  levels: number,
  kind: 'array' | 'object',
): string {
  const report = JSON.parse(text) as Record<string, unknown>;
  set(report);
  const deep =
    kind === 'array'
      ? '['.repeat(levels) + ']'.repeat(levels)
      : '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
  return JSON.stringify(report).replace('"__DEEP__"', deep);
}

describe('findTooDeep', () => {
  it('finds the first value past the cap, with its path, without recursing', () => {
    expect(findTooDeep({ a: [1, { b: 2 }] }, 3)).toBeUndefined();
    expect(findTooDeep({ a: [1, { b: [] }] }, 3)).toEqual(['a', 1, 'b']);
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(findTooDeep(deep, 64)).toHaveLength(64);
  });
});

describe('report depth cap', () => {
  it.each([
    [
      'params.stop',
      (r: Record<string, unknown>): void => {
        (r['params'] as Record<string, unknown>)['stop'] = '__DEEP__';
      },
      'array',
    ],
    [
      'device.limits',
      (r: Record<string, unknown>): void => {
        r['device'] = { ...(r['device'] as object), limits: '__DEEP__' };
      },
      'object',
    ],
    [
      'an unknown field',
      (r: Record<string, unknown>): void => {
        r['extra'] = '__DEEP__';
      },
      'object',
    ],
  ] as const)('%s nested 5,000 levels: a message with the path, never a RangeError', (_, set, kind) => {
    const result = parseReportJson(withDeep(FIXTURE, set, 5000, kind));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.message).toBe(
      `nested more than ${MAX_REPORT_DEPTH} levels deep; no report field is`,
    );
    expect(result.issues[0]!.path).toMatch(
      /^(params\.stop|device\.limits|extra)(\[0\]|\.a).*… \(\d+ levels down\)$/,
    );
  });

  it('format 1 reports too (their params were free-form)', () => {
    const text = withDeep(
      V1,
      (r) => ((r['params'] as Record<string, unknown>)['deep'] = '__DEEP__'),
      5000,
      'object',
    );
    const result = parseReportJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.path).toMatch(/^params\.deep\.a/);
  });

  it('the embedded suite is measured from its own root; already-parsed values are checked too', () => {
    const report = JSON.parse(FIXTURE) as { suite: { content: Record<string, unknown> } };
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    report.suite.content['description'] = deep;
    const result = validateReport(report);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]!.path).toMatch(/^suite\.content\.description\[0\]/);
    expect(parseReportJson(FIXTURE).ok).toBe(true);
  });
});
