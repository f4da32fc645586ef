import type { FinishReason, GenerationUsage, ReportCase } from '../report/schema.ts';
import type { Suite, SuiteCase } from '../suite/types.ts';
import { scoreCase } from '../scoring/scoreCase.ts';
import type { ScoringServices } from '../scoring/scorer.ts';
import { sha256Hex } from '../hash/sha256Hex.ts';

/** What a generation produced for one case and sample, before scoring. */
export interface CaseOutcome {
  sample: number;
  /** SHA-256 of the request's messages and tools (see `requestHash`). */
  messagesHash: string | null;
  output: string | null;
  error?: string;
  usage: GenerationUsage | null;
  finishReason: FinishReason | null;
  durationMs: number | null;
}

/**
 * Scores one case's outcome with today's parser and scorers and builds its report record
 * (output hash, parsed calls, every verdict). Never rejects for any output text.
 */
export async function buildCaseRecord(
  suite: Suite,
  c: SuiteCase,
  outcome: CaseOutcome,
  services: ScoringServices = {},
): Promise<ReportCase> {
  const scored = await scoreCase(suite, c, outcome.output, {
    services,
    ...(outcome.error === undefined ? {} : { error: outcome.error }),
  });
  const record: ReportCase = {
    id: c.id,
    sample: outcome.sample,
    category: c.category,
    messagesHash: outcome.messagesHash,
    output: outcome.output,
    outputHash: outcome.output === null ? null : sha256Hex(outcome.output),
    calls: scored.parsed.calls.map((call) => ({ ...call })),
    nearMisses: scored.parsed.nearMisses.map((m) => ({ ...m })),
    verdicts: scored.verdicts,
    score: scored.score,
    passed: scored.passed,
    reasons: scored.reasons,
    usage: outcome.usage,
    finishReason: outcome.finishReason,
    durationMs: outcome.durationMs,
  };
  if (scored.error !== undefined) record.error = scored.error;
  return record;
}
