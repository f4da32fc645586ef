import { median } from '../stats/median.ts';
import type { Report } from './schema.ts';
import { usageFigure, type UsageFigureName } from './usageFigure.ts';

/** The speed figures of a run, as one number each. */
export interface RunSpeedFigures {
  /** Median over cases of decode tokens/s (measured, else reported); null when no case has one. */
  decodeTps: number | null;
  /** Median over cases of prefill tokens/s (measured, else reported); null when no case has one. */
  prefillTps: number | null;
  /** Median over cases of time to first token in ms (measured, else reported); null when no case has one. */
  ttftMs: number | null;
  /** How many cases each median is taken over. */
  n: { decodeTps: number; prefillTps: number; ttftMs: number };
  /** Model load time in ms, as recorded; null when the run did not load a model (CLI, replay). */
  loadMs: number | null;
  /** Whether the weights came from the browser cache; null when unknown. */
  loadFromCache: boolean | null;
}

function medianOf(report: Pick<Report, 'cases'>, name: UsageFigureName): { value: number | null; n: number } {
  const values: number[] = [];
  for (const c of report.cases) {
    const value = usageFigure(c, name);
    if (value !== null && Number.isFinite(value)) values.push(value);
  }
  return { value: values.length === 0 ? null : median(values), n: values.length };
}

/**
 * A run's speed in one number per figure: the median over cases (robust to the slow first case
 * and to a throttling phone) of decode and prefill tokens/s and time to first token, each case
 * contributing its measured figure, else its reported one (`usageFigure`); and the load time.
 * The one implementation behind the HTML report's speed card and the run comparison. Pure; never throws.
 */
export function runSpeedFigures(report: Pick<Report, 'cases' | 'timings'>): RunSpeedFigures {
  const decode = medianOf(report, 'decodeTps');
  const prefill = medianOf(report, 'prefillTps');
  const ttft = medianOf(report, 'ttftMs');
  return {
    decodeTps: decode.value,
    prefillTps: prefill.value,
    ttftMs: ttft.value,
    n: { decodeTps: decode.n, prefillTps: prefill.n, ttftMs: ttft.n },
    loadMs: report.timings.load?.ms ?? null,
    loadFromCache: report.timings.load?.fromCache ?? null,
  };
}
