import { MAX_REPORT_CHARS, parseReportJson } from '../../core/report/parseReportJson.ts';
import { reportSuite } from '../../core/report/reportSuite.ts';
import type { Report } from '../../core/report/schema.ts';
import { verifyReport, type ReportDiscrepancy } from '../../core/report/verifyReport.ts';
import type { Suite } from '../../core/suite/types.ts';
import { decodeUtf8Text } from '../../core/validation/decodeUtf8Text.ts';

/**
 * A report as opened: its derived values (summary, suite hash, output hashes) recomputed, and the
 * stored values that disagreed (`verifyReport`), or why it cannot be opened.
 */
export type OpenedReport =
  | { ok: true; report: Report; suite: Suite; discrepancies: ReportDiscrepancy[] }
  | { ok: false; message: string };

/** What opening a report is doing now, for its progress line. */
export type ReportOpenPhase = 'reading' | 'checking' | 'verifying';

/**
 * Reads a report file chosen by the user: refuses files over 50 MB before reading them, then
 * validates the JSON and the suite inside, then recomputes what the report derives. The message
 * names the file and every problem's path. `onPhase` hears each step as it starts.
 */
export async function readReportFile(
  file: File,
  onPhase: (phase: ReportOpenPhase) => void = () => undefined,
): Promise<OpenedReport> {
  if (file.size > MAX_REPORT_CHARS) {
    return {
      ok: false,
      message: `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; reports over 50 MB are not read.`,
    };
  }
  onPhase('reading');
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return {
      ok: false,
      message: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`,
    };
  }
  // Strict UTF-8, as the CLI reads it: a damaged file is named, not decoded into U+FFFD.
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) return { ok: false, message: `${file.name} ${decoded.message}.` };
  onPhase('checking');
  const parsed = parseReportJson(decoded.text);
  if (!parsed.ok)
    return { ok: false, message: listProblems(`${file.name} is not a valid tabeval report`, parsed.issues) };
  const suite = reportSuite(parsed.value);
  if (!suite.ok)
    return { ok: false, message: listProblems(`${file.name} holds an invalid suite`, suite.issues) };
  onPhase('verifying');
  const verified = await verifyReport(parsed.value);
  return { ok: true, report: verified.report, suite: suite.value, discrepancies: verified.discrepancies };
}

function listProblems(head: string, issues: { path: string; message: string }[]): string {
  const shown = issues.slice(0, 8).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length > shown.length ? [`… and ${issues.length - shown.length} more`] : [];
  return [`${head}:`, ...shown, ...more].join('\n');
}
