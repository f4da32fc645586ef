// One file chosen on the Devices page, read as the comparison takes it: a bench result, or an eval
// report summarised to its facts (derived figures recomputed from its cases). Runs in the report
// worker, so a 10 MB report is parsed and verified off the page's thread. Never throws.
import { decodeUtf8Text } from '../../core/validation/decodeUtf8Text.ts';
import { verifyReport } from '../../core/report/verifyReport.ts';
import { sourceModelId } from '../../core/report/sourceFacts.ts';
import { parseComparisonFile } from '../../throughput/parseComparisonFile.ts';
import { reportFacts, type ReportFacts } from '../../throughput/compareDevices.ts';
import type { BenchResult } from '../../throughput/schema.ts';

export type ComparisonFileRead =
  | { ok: true; kind: 'bench'; value: BenchResult }
  | {
      ok: true;
      kind: 'report';
      facts: ReportFacts;
      model: string;
      /** Stored values the report's own content contradicts (`path: message`), recomputed. */
      discrepancies: string[];
    }
  /** `text`: why the file cannot be used, as the page shows it after the file's name. */
  | { ok: false; text: string };

export async function readComparisonFile(file: File): Promise<ComparisonFileRead> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, text: `could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
  const decoded = decodeUtf8Text(bytes);
  if (!decoded.ok) return { ok: false, text: decoded.message };
  const parsed = parseComparisonFile(decoded.text);
  if (!parsed.ok) {
    const shown = parsed.issues.slice(0, 6).map((i) => `${i.path}: ${i.message}`);
    return { ok: false, text: `not a bench result or eval report — ${shown.join('; ')}` };
  }
  if (parsed.kind === 'bench') return parsed;
  const verified = await verifyReport(parsed.value);
  return {
    ok: true,
    kind: 'report',
    facts: reportFacts(verified.report),
    model: sourceModelId(parsed.value.source) ?? 'unknown model',
    discrepancies: verified.discrepancies.map((d) => `${d.path}: ${d.message}`),
  };
}
