import { describe, expect, it } from 'vitest';
import {
  compareComparableRuns,
  comparableFromReport,
  comparableFromSummary,
} from '../../../../src/core/compare/comparableRun.ts';
import { decodeResultsPayload, encodeResultsLink } from '../../../../src/core/link/resultsLink.ts';
import type { ResultsSummary } from '../../../../src/core/link/resultsSummary.ts';
import { suiteCaseIds, summarizeReportForLink } from '../../../../src/core/link/summarizeReportForLink.ts';
import { compareReports } from '../../../../src/core/compare/compareReports.ts';
import { deviceLabel } from '../../../../src/core/report/deviceLabel.ts';
import { runSpeedFigures } from '../../../../src/core/report/runSpeedFigures.ts';
import type { Report } from '../../../../src/core/report/schema.ts';
import { loadCompareFixture } from './loadCompareFixture.ts';

const laptop = loadCompareFixture('punie-1.5b-laptop.report.json');
const desktop = loadCompareFixture('punie-1.5b-desktop.report.json');
const server = loadCompareFixture('punie-30b-server.report.json');

/** A report as it arrives through a results link. */
function throughLink(report: Report): ResultsSummary {
  const link = encodeResultsLink(report);
  if (!link.ok) throw new Error(link.error);
  const back = decodeResultsPayload(link.value.slice('#/compare?r='.length));
  if (!back.ok) throw new Error(back.error);
  return back.value;
}

const files = [
  comparableFromReport('laptop.json', laptop),
  comparableFromReport('desktop.json', desktop),
  comparableFromReport('server.json', server),
];

describe('compareComparableRuns', () => {
  it('compares report files exactly as compareReports does', () => {
    const { comparison, scored, positional } = compareComparableRuns(files, 0);
    expect(comparison).toEqual(compareReports([laptop, desktop, server], 0));
    expect(scored).toEqual([true, true, true]);
    expect(positional).toEqual([false, false, false]);
  });

  it('gives a link the same deltas, p-value, flips and drift as its report', () => {
    const mixed = [
      files[0]!,
      comparableFromSummary('link 1', throughLink(desktop)),
      comparableFromSummary('link 2', throughLink(server)),
    ];
    const full = compareReports([laptop, desktop, server], 0);
    const { comparison, scored } = compareComparableRuns(mixed, 0);
    expect(scored).toEqual([true, false, false]);
    expect(comparison.categories).toEqual(full.categories);
    comparison.runs.forEach((run, i) => {
      const expected = full.runs[i]!;
      expect(run.model).toBe(expected.model);
      expect(run.device).toBe(expected.device);
      expect(run.suite).toEqual(expected.suite);
      expect(run.overall).toEqual(expected.overall);
      expect(run.macro).toEqual(expected.macro);
      expect(run.passRate).toEqual(expected.passRate);
      expect(run.successRate).toEqual(expected.successRate);
      expect(run.categories).toEqual(expected.categories);
      for (const key of ['decodeTps', 'prefillTps', 'ttftMs', 'loadMs'] as const) {
        expect(run.speed[key].value).toBe(expected.speed[key].value);
        expect(run.speed[key].change).toBe(expected.speed[key].change);
      }
      if (expected.paired?.comparable && run.paired?.comparable) {
        expect(run.paired.pValue).toBe(expected.paired.pValue);
        expect(run.paired.passToFail).toEqual(expected.paired.passToFail);
        expect(run.paired.failToPass).toEqual(expected.paired.failToPass);
        expect(run.paired.paired).toBe(expected.paired.paired);
      } else {
        expect(run.paired).toEqual(expected.paired);
      }
      expect(run.drift).toEqual(expected.drift);
    });
    const serverRun = comparison.runs[2]!;
    expect(serverRun.overall.delta).toBeCloseTo(0.75 - 0.9285714285714286, 12);
    expect(serverRun.paired).toMatchObject({
      comparable: true,
      passToFail: ['code-02', 'reason-02'],
      failToPass: [],
      pValue: 0.5,
    });
    expect(comparison.runs[1]!.drift).toEqual({ comparable: true, compared: 7, cases: ['reason-01'] });
    expect(serverRun.drift).toEqual({ comparable: false, why: 'a different model' });
  });

  it('pairs two links by position when no report or known suite names the cases, and by id when one does', () => {
    const links = [
      comparableFromSummary('link 1', throughLink(laptop)),
      comparableFromSummary('link 2', throughLink(server)),
    ];
    const byPosition = compareComparableRuns(links, 0);
    expect(byPosition.positional).toEqual([true, true]);
    expect(byPosition.comparison.runs[1]!.paired).toMatchObject({
      comparable: true,
      passToFail: ['#5', '#7'],
    });
    const known = new Map([[laptop.suite.hash, suiteCaseIds(laptop)]]);
    const byId = compareComparableRuns(links, 0, known);
    expect(byId.positional).toEqual([false, false]);
    expect(byId.comparison.runs[1]!.paired).toMatchObject({ passToFail: ['code-02', 'reason-02'] });
  });

  it('keeps a link’s device label and median speeds', () => {
    const { comparison } = compareComparableRuns([comparableFromSummary('link', throughLink(desktop))], 0);
    const run = comparison.runs[0]!;
    expect(run.device).toBe(deviceLabel(desktop.device));
    const speed = runSpeedFigures(desktop);
    expect(run.speed.decodeTps.value).toBe(speed.decodeTps);
    expect(run.speed.prefillTps.value).toBe(speed.prefillTps);
    expect(run.speed.ttftMs.value).toBe(speed.ttftMs);
    expect(run.speed.loadMs.value).toBe(4500);
  });

  it('shows a fallback adapter once in a link’s device label', () => {
    const summary = summarizeReportForLink({
      ...desktop,
      device: {
        ...desktop.device,
        label: null,
        browserVersion: null,
        adapter: {
          vendor: 'google',
          architecture: 'swiftshader',
          device: '',
          description: '',
          isFallbackAdapter: true,
        },
      },
    });
    const { comparison } = compareComparableRuns([comparableFromSummary('link', summary)], 0);
    expect(comparison.runs[0]!.device).toBe('google swiftshader, Windows (software fallback adapter)');
  });

  it('leaves out cases a stopped run did not reach', () => {
    const partial = { ...server, cases: server.cases.slice(0, 4) };
    const { comparison } = compareComparableRuns(
      [files[0]!, comparableFromSummary('link', throughLink(partial))],
      0,
    );
    expect(comparison.runs[1]!.paired).toMatchObject({
      comparable: true,
      paired: 4,
      onlyInBaseline: ['code-02', 'reason-01', 'reason-02'],
    });
  });
});
