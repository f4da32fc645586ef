import type { Report } from '../../core/report/schema.ts';
import { caseKey } from '../../core/run/caseKey.ts';
import { caseRequest, requestHash } from '../../core/run/caseRequest.ts';
import type { RunInput } from '../../core/run/runSuite.ts';
import type { Suite } from '../../core/suite/types.ts';
import { createReplayEngine, type RecordedOutput, type ReplayOptions } from './createReplayEngine.ts';

/** The runner input that re-scores a report, or the records whose prompts no longer match. */
export type ReplayInput =
  | { ok: true; input: Pick<RunInput, 'suite' | 'engine' | 'params' | 'only' | 'recorded' | 'scoring'> }
  | { ok: false; changed: { id: string; sample: number }[] };

/**
 * What re-scores a recorded report, for the CLI (`rescore`) and the app (Open a report) alike:
 * its suite, its parameters, exactly the records it holds (a stopped run re-scores the cases it
 * reached, not the whole suite with invented "no output" errors), an engine serving each record's
 * output by case id and sample, and the recording's provenance (model, device, times) for the
 * new report. A record whose recorded prompt hash differs from what `suite` asks today means the
 * suite was edited since the recording: those records are named instead of silently re-scored.
 * `suite` is the report's embedded suite, validated (`reportSuite`). Never rejects.
 */
export async function replayReport(
  report: Report,
  suite: Suite,
  options: Pick<ReplayOptions, 'pace' | 'sleep' | 'now'> = {},
): Promise<ReplayInput> {
  const recorded = new Map<string, RecordedOutput>();
  const changed: { id: string; sample: number }[] = [];
  const casesById = new Map(suite.cases.map((c) => [c.id, c]));
  for (const record of report.cases) {
    const key = caseKey(record.id, record.sample);
    recorded.set(key, { output: record.output, usage: record.usage, finishReason: record.finishReason });
    const testCase = casesById.get(record.id);
    if (testCase === undefined) {
      changed.push({ id: record.id, sample: record.sample });
    } else if (record.messagesHash !== null) {
      const hash = requestHash(caseRequest(suite, testCase, report.params, record.sample));
      if (hash !== record.messagesHash) changed.push({ id: record.id, sample: record.sample });
    }
  }
  if (changed.length > 0) return { ok: false, changed };
  return {
    ok: true,
    input: {
      suite,
      params: report.params,
      // The recording's pass@k and time limit; the sandbox is today's (given to the runner).
      ...(report.scoring
        ? { scoring: { passK: report.scoring.passK, execTimeoutMs: report.scoring.execTimeoutMs } }
        : {}),
      only: new Set(recorded.keys()),
      engine: createReplayEngine(recorded, { ...options, source: report.source, load: report.timings.load }),
      recorded: {
        app: report.app,
        createdAt: report.createdAt,
        source: report.source,
        device: report.device,
        timings: report.timings,
      },
    },
  };
}
