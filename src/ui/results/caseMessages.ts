import type { Report } from '../../core/report/schema.ts';
import { reportPrompts } from '../../core/report/reportPrompts.ts';
import type { ChatMessage } from '../../core/suite/types.ts';

/** The prompt of every case of a report, by case id. */
export interface CaseMessages {
  /** Messages by case id; a case missing here has no prompt in the report's suite. */
  byId: ReadonlyMap<string, ChatMessage[]>;
  /** Set when the embedded suite does not validate: the prompts are then shown without the system message. */
  problem: string | null;
}

/**
 * The messages each case of a report sent, system message first, as the runner built them; read
 * with the HTML report's `reportPrompts` so both show the same thing.
 */
export function caseMessages(report: Pick<Report, 'suite'>): CaseMessages {
  const prompts = reportPrompts(report);
  const system: ChatMessage[] = prompts.system === null ? [] : [{ role: 'system', content: prompts.system }];
  const byId = new Map([...prompts.turns].map(([id, turns]) => [id, [...system, ...turns]]));
  return { byId, problem: prompts.problem };
}
