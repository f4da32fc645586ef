// The progress bar of `tabeval run` on standard error (cli-progress): cases done, ETA, live
// tokens/s. Quiet with --json or when standard error is not a terminal (CI logs, pipes).
import cliProgress from 'cli-progress';
import type { ReportCase } from '../../core/report/schema.ts';
import type { RunProgress } from '../../core/run/runSuite.ts';

export interface RunProgressView {
  onProgress(p: RunProgress): void;
  onCaseDone(record: ReportCase): void;
  /** Characters streamed (for the live estimate between finished cases). */
  onToken(delta: string): void;
  stop(): void;
}

const QUIET: RunProgressView = { onProgress() {}, onCaseDone() {}, onToken() {}, stop() {} };

/**
 * A progress view: a bar when `enabled`, else nothing. Tokens/s is the run's throughput: tokens
 * of finished cases (as the server counted them) plus about a quarter token per streamed
 * character of running ones, over the time since the run started.
 */
export function createRunProgress(
  enabled: boolean,
  now: () => number = () => performance.now(),
): RunProgressView {
  if (!enabled) return QUIET;
  const bar = new cliProgress.SingleBar(
    {
      format: '{bar} {value}/{total} cases | ETA {eta_formatted} | {tps} tok/s | {case}',
      stream: process.stderr,
      hideCursor: true,
      etaBuffer: 20,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = now();
  let tokens = 0;
  let streamedChars = 0;
  let running = false;
  const tps = () => {
    const seconds = (now() - started) / 1000;
    return seconds > 0 ? ((tokens + streamedChars / 4) / seconds).toFixed(1) : '0.0';
  };
  return {
    onProgress(p) {
      if (!running) {
        bar.start(p.total, p.done, { tps: '0.0', case: '' });
        running = true;
      }
      if (p.phase === 'case-done') bar.update(p.done, { tps: tps(), case: '' });
      else bar.update({ case: p.caseId ?? '' });
    },
    onCaseDone(record) {
      const u = record.usage;
      tokens +=
        u?.reported.completionTokens ?? u?.measured.completionTokens ?? (record.output?.length ?? 0) / 4;
      streamedChars = Math.max(0, streamedChars - (record.output?.length ?? 0));
    },
    onToken(delta) {
      streamedChars += delta.length;
      bar.update({ tps: tps() });
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}
