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
  const systemOf = (id: string): ChatMessage[] => {
    const content = prompts.systemById.get(id) ?? prompts.system;
    return content === null || content === '' ? [] : [{ role: 'system', content }];
  };
  const byId = new Map([...prompts.turns].map(([id, turns]) => [id, [...systemOf(id), ...turns]]));
  return { byId, problem: prompts.problem };
}
