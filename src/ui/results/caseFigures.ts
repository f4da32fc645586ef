import type { ReportCase } from '../../core/report/schema.ts';

// A case records figures twice: as the engine reported them and as measured around the call.
// Tables show one number per figure: the engine's when it gave one, else the measured one.

/** Completion tokens of a case (reported, else measured); null when neither was recorded. */
export function completionTokens(c: ReportCase): number | null {
  return c.usage?.reported.completionTokens ?? c.usage?.measured.completionTokens ?? null;
}

/** Decode speed in tokens/s (reported, else measured); null when neither was recorded. */
export function decodeTps(c: ReportCase): number | null {
  return c.usage?.reported.decodeTps ?? c.usage?.measured.decodeTps ?? null;
}
