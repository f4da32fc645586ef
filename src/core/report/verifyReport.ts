import { DEFAULT_SCORING } from '../execution/schema.ts';
import { sha256Hex } from '../hash/sha256Hex.ts';
import { DEFAULT_HEADLINE_RULE } from '../scoring/headline.ts';
import { summarizeRun } from '../stats/summarizeRun.ts';
import { suiteHash } from '../suite/suiteHash.ts';
import { reportSuite } from './reportSuite.ts';
import type { Report } from './schema.ts';

/** A stored number or hash that what it is derived from contradicts. */
export interface ReportDiscrepancy {
  /** Where in the report (`summary.n`, `cases[3].outputHash`, `suite.hash`). */
  path: string;
  /** What the report says and what it should say, in words. */
  message: string;
}

/** A report whose derived values are recomputed, and every stored value that disagreed. */
export interface VerifiedReport {
  report: Report;
  discrepancies: ReportDiscrepancy[];
}

/** Most discrepancies listed one by one; the rest are counted. */
const MAX_LISTED = 20;

/**
 * Recomputes what a report derives instead of trusting it: the summary (counts, rates, intervals,
 * categories, scorers, pass@k) from its case records, the suite hash from its embedded suite, and
 * each output's SHA-256 from the output. Returns the report carrying the recomputed values (so no
 * view ever shows a stored figure its cases contradict) and one discrepancy per disagreeing stored
 * value: an edited or corrupt report is reported, not believed. The embedded suite's hash is only
 * recomputed when the suite is valid (an invalid one is refused where it is used). Never rejects
 * on report content.
 */
export async function verifyReport(report: Report): Promise<VerifiedReport> {
  const found: ReportDiscrepancy[] = [];
  const suite = reportSuite(report);
  const headline = suite.ok ? (suite.value.headline ?? DEFAULT_HEADLINE_RULE) : report.summary.headline;
  const summary = summarizeRun(report.cases, {
    headline,
    passK: report.scoring?.passK ?? DEFAULT_SCORING.passK,
  });
  compareValues(report.summary, summary, 'summary', found);

  let hash = report.suite.hash;
  if (suite.ok) {
    hash = await suiteHash(suite.value);
    if (hash !== report.suite.hash) {
      found.push({
        path: 'suite.hash',
        message: `the report says ${report.suite.hash.slice(0, 12)}…, its embedded suite hashes to ${hash.slice(0, 12)}…`,
      });
    }
    for (const field of ['id', 'version'] as const) {
      if (suite.value[field] !== report.suite[field]) {
        found.push({
          path: `suite.${field}`,
          message: `the report says ${JSON.stringify(report.suite[field])}, its embedded suite says ${JSON.stringify(suite.value[field])}`,
        });
      }
    }
  }

  const cases = report.cases.map((record, index) => {
    const derived = record.output === null ? null : sha256Hex(record.output);
    if (derived === record.outputHash) return record;
    found.push({
      path: `cases[${index}].outputHash`,
      message:
        derived === null
          ? 'the record has no output but an output hash'
          : `${record.outputHash === null ? 'missing' : `${record.outputHash.slice(0, 12)}…`} is not the SHA-256 of the output (${derived.slice(0, 12)}…)`,
    });
    return { ...record, outputHash: derived };
  });

  const listed = found.slice(0, MAX_LISTED);
  if (found.length > listed.length) {
    listed.push({
      path: '(root)',
      message: `and ${found.length - listed.length} more stored values that disagree`,
    });
  }
  return {
    report: { ...report, suite: { ...report.suite, hash }, cases, summary },
    discrepancies: listed,
  };
}

function describe(value: unknown): string {
  if (typeof value === 'number')
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  if (Array.isArray(value)) return `${value.length} ${value.length === 1 ? 'entry' : 'entries'}`;
  return JSON.stringify(value) ?? String(value);
}

/** Walks the stored and the recomputed summary side by side; numbers agree within rounding. */
function compareValues(stored: unknown, derived: unknown, path: string, found: ReportDiscrepancy[]): void {
  if (typeof stored === 'number' && typeof derived === 'number') {
    if (Math.abs(stored - derived) > 1e-9 * Math.max(1, Math.abs(derived))) {
      found.push({
        path,
        message: `the report says ${describe(stored)}, its cases give ${describe(derived)}`,
      });
    }
    return;
  }
  if (Array.isArray(stored) && Array.isArray(derived)) {
    if (stored.length !== derived.length) {
      found.push({
        path,
        message: `the report has ${describe(stored)}, its cases give ${describe(derived)}`,
      });
      return;
    }
    stored.forEach((item, i) => compareValues(item, derived[i], `${path}[${i}]`, found));
    return;
  }
  if (typeof stored === 'object' && stored !== null && typeof derived === 'object' && derived !== null) {
    for (const key of Object.keys(derived)) {
      compareValues(
        (stored as Record<string, unknown>)[key],
        (derived as Record<string, unknown>)[key],
        `${path}.${key}`,
        found,
      );
    }
    return;
  }
  if (stored !== derived) {
    found.push({ path, message: `the report says ${describe(stored)}, its cases give ${describe(derived)}` });
  }
}
