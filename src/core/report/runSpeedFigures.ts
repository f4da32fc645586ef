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
  n: { decodeTps: number; prefillTps: number; ttftMs: number; promptTokens: number; prefillMs: number };
  /** Model load time in ms, as recorded; null when the run did not load a model (CLI, replay). */
  loadMs: number | null;
  /** Whether the weights came from the browser cache; null when unknown. */
  loadFromCache: boolean | null;
  /** Prompt tokens over all records (null when none recorded any), over `n.promptTokens` records. */
  promptTokens: number | null;
  /** Their share of all tokens (prompt + completion) of the records that recorded both; null when none. */
  promptShare: number | null;
  /**
   * The whole run's prefill time in ms: the sum over records of each one's prefill time, its prompt
   * tokens over its prefill tokens/s when both are known, else its time to first token; null when
   * no record has either. What a long system prompt costs a suite, prefilled once per case.
   */
  prefillMs: number | null;
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
  const cost = promptCost(report);
  return {
    decodeTps: decode.value,
    prefillTps: prefill.value,
    ttftMs: ttft.value,
    n: {
      decodeTps: decode.n,
      prefillTps: prefill.n,
      ttftMs: ttft.n,
      promptTokens: cost.promptN,
      prefillMs: cost.prefillN,
    },
    loadMs: report.timings.load?.ms ?? null,
    loadFromCache: report.timings.load?.fromCache ?? null,
    promptTokens: cost.promptN === 0 ? null : cost.prompt,
    promptShare: cost.bothTotal > 0 ? cost.bothPrompt / cost.bothTotal : null,
    prefillMs: cost.prefillN === 0 ? null : cost.prefillMs,
  };
}

const finite = (value: number | null): value is number =>
  value !== null && Number.isFinite(value) && value >= 0;

/** Prompt tokens and prefill time summed over the records that recorded them. */
function promptCost(report: Pick<Report, 'cases'>) {
  let prompt = 0;
  let promptN = 0;
  let bothPrompt = 0;
  let bothTotal = 0;
  let prefillMs = 0;
  let prefillN = 0;
  for (const c of report.cases) {
    const tokens = usageFigure(c, 'promptTokens');
    const completion = usageFigure(c, 'completionTokens');
    const tps = usageFigure(c, 'prefillTps');
    const ttft = usageFigure(c, 'ttftMs');
    if (finite(tokens)) {
      prompt += tokens;
      promptN += 1;
      if (finite(completion)) {
        bothPrompt += tokens;
        bothTotal += tokens + completion;
      }
    }
    const ms = finite(tokens) && finite(tps) && tps > 0 ? (tokens / tps) * 1000 : finite(ttft) ? ttft : null;
    if (ms !== null) {
      prefillMs += ms;
      prefillN += 1;
    }
  }
  return { prompt, promptN, bothPrompt, bothTotal, prefillMs, prefillN };
}
