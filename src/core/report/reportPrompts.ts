import { buildSystemPrompt } from '../suite/buildSystemPrompt.ts';
import { offeredTools } from '../suite/offeredTools.ts';
import type { ChatMessage } from '../suite/types.ts';
import { validateSuite } from '../suite/validateSuite.ts';
import type { Report } from './schema.ts';

/** What the cases of a report asked, read from the suite embedded in it. */
export interface ReportPrompts {
  /**
   * The system message every case that offers all the suite's tools sent (tools block included);
   * null when there was none, no case offers all tools, or it is unknown.
   */
  system: string | null;
  /** The system message of each case that names its own `tools` (empty string: none), by case id. */
  systemById: ReadonlyMap<string, string>;
  /** Each case's own turns (its `prompt` as a user turn, or its `messages`), by case id, without the system message. */
  turns: ReadonlyMap<string, ChatMessage[]>;
  /** Set when the embedded suite does not validate: `turns` then holds whatever prompt text could be found. */
  problem: string | null;
}

const ROLES = new Set<string>(['system', 'user', 'assistant', 'tool']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function looseTurns(c: Record<string, unknown>): ChatMessage[] | undefined {
  if (typeof c['prompt'] === 'string') return [{ role: 'user', content: c['prompt'] }];
  if (!Array.isArray(c['messages'])) return undefined;
  return c['messages'].flatMap((m: unknown) =>
    isRecord(m) && typeof m['role'] === 'string' && ROLES.has(m['role']) && typeof m['content'] === 'string'
      ? [{ role: m['role'] as ChatMessage['role'], content: m['content'] }]
      : [],
  );
}

/**
 * The prompts of a report's cases. When the embedded suite validates, the system message is what
 * the runner sent (`buildSystemPrompt`; per case for cases with their own `tools`) and the turns
 * are the cases' own; otherwise (a report is
 * untrusted input) the turns are whatever well-formed prompt text the suite holds, and `problem`
 * says why. Shown once per report (system) and once per case (turns), so a 1,000-case report does
 * not repeat the tools block 1,000 times. Pure; never throws.
 */
export function reportPrompts(report: Pick<Report, 'suite'>): ReportPrompts {
  const suite = validateSuite(report.suite.content);
  if (suite.ok) {
    const shared = suite.value.cases.some((c) => c.tools === undefined);
    const system = shared ? buildSystemPrompt(suite.value) : '';
    const turns = new Map<string, ChatMessage[]>();
    const systemById = new Map<string, string>();
    for (const c of suite.value.cases) {
      if (c.tools !== undefined) {
        const own = { system_prompt: suite.value.system_prompt, tools: offeredTools(suite.value, c) };
        systemById.set(c.id, buildSystemPrompt(own));
      }
      turns.set(
        c.id,
        c.messages?.map((m) => ({ role: m.role, content: m.content })) ??
          (c.prompt === undefined ? [] : [{ role: 'user', content: c.prompt }]),
      );
    }
    return { system: system === '' ? null : system, systemById, turns, problem: null };
  }
  const turns = new Map<string, ChatMessage[]>();
  const content = report.suite.content;
  const cases = isRecord(content) && Array.isArray(content['cases']) ? content['cases'] : [];
  for (const c of cases) {
    if (!isRecord(c) || typeof c['id'] !== 'string' || turns.has(c['id'])) continue;
    const found = looseTurns(c);
    if (found !== undefined) turns.set(c['id'], found);
  }
  const first = suite.issues[0];
  const where = first ? `${first.path}: ${first.message}` : 'the suite does not validate';
  return {
    system: null,
    systemById: new Map(),
    turns,
    problem: `The suite embedded in this report does not validate (${where}).`,
  };
}
