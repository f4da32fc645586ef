import type { Report } from '../../core/report/schema.ts';
import { buildMessages } from '../../core/suite/buildMessages.ts';
import { validateSuite } from '../../core/suite/validateSuite.ts';
import type { ChatMessage } from '../../core/suite/types.ts';

/** The prompt of every case of a report, by case id. */
export interface CaseMessages {
  /** Messages by case id; a case missing here has no prompt in the report's suite. */
  byId: ReadonlyMap<string, ChatMessage[]>;
  /** Set when the embedded suite does not validate: the prompts are then shown without the system message. */
  problem: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const ROLES = new Set<string>(['system', 'user', 'assistant', 'tool']);

function looseMessages(c: Record<string, unknown>): ChatMessage[] | undefined {
  if (typeof c['prompt'] === 'string') return [{ role: 'user', content: c['prompt'] }];
  if (!Array.isArray(c['messages'])) return undefined;
  return c['messages'].flatMap((m: unknown) =>
    isRecord(m) && typeof m['role'] === 'string' && ROLES.has(m['role']) && typeof m['content'] === 'string'
      ? [{ role: m['role'] as ChatMessage['role'], content: m['content'] }]
      : [],
  );
}

/**
 * The messages each case of a report sent: exactly what the runner built (`buildMessages`) when the
 * embedded suite validates; otherwise whatever prompt text can be found, marked with the problem.
 */
export function caseMessages(report: Pick<Report, 'suite'>): CaseMessages {
  const suite = validateSuite(report.suite.content);
  if (suite.ok) {
    return {
      byId: new Map(suite.value.cases.map((c) => [c.id, buildMessages(suite.value, c)])),
      problem: null,
    };
  }
  const byId = new Map<string, ChatMessage[]>();
  const content = report.suite.content;
  const cases = isRecord(content) && Array.isArray(content['cases']) ? content['cases'] : [];
  for (const c of cases) {
    if (!isRecord(c) || typeof c['id'] !== 'string') continue;
    const messages = looseMessages(c);
    if (messages !== undefined) byId.set(c['id'], messages);
  }
  const first = suite.issues[0];
  const problem = first ? `${first.path}: ${first.message}` : 'the suite does not validate';
  return { byId, problem: `The suite embedded in this report does not validate (${problem}).` };
}
