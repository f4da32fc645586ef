// BFCL data files (the Berkeley Function Calling Leaderboard's questions and possible answers,
// JSON Lines) → a tabeval suite with each case's own tools and BFCL's string rule.
import * as v from 'valibot';
import { canonicalJson } from '../canonicalJson.ts';
import type { ChatMessage, Suite, SuiteCase, ToolDefinition } from '../types.ts';
import { bfclExpectedCalls } from './bfclExpectedCalls.ts';
import { convertBfclFunction } from './convertBfclFunction.ts';
import { finishImport, type ImportedCase } from './finishImport.ts';
import { parseProblem } from './problemIssues.ts';
import { linePath, readJsonLines } from './readJsonLines.ts';
import type { ImportIssue, ImportOptions } from './types.ts';

/** The BFCL categories the importer converts (BFCL's Python AST categories). */
export const BFCL_CATEGORIES = [
  'simple',
  'multiple',
  'parallel',
  'parallel_multiple',
  'irrelevance',
] as const;
export type BfclCategory = (typeof BFCL_CATEGORIES)[number];

/**
 * The system prompt of an imported BFCL suite: what Qwen2.5's chat template writes when tools are
 * given and there is no system message (BFCL runs Qwen with its own template), then the tools.
 */
export const BFCL_SYSTEM_PROMPT =
  'You are Qwen, created by Alibaba Cloud. You are a helpful assistant.\n\n{tools}';

const TOOL_PATH = /^tools\[(\d+)\]/;

const ID_PATTERN = /^(simple_python|simple|multiple|parallel_multiple|parallel|irrelevance)_\d{1,9}$/;

/** The category of a BFCL id (`simple_python_12` → simple), or undefined for other categories. */
export function bfclCategory(id: string): BfclCategory | undefined {
  const match = ID_PATTERN.exec(id);
  if (match === null) return undefined;
  return match[1] === 'simple_python' ? 'simple' : (match[1] as BfclCategory);
}

const MessageSchema = v.looseObject({
  role: v.picklist(
    ['system', 'user', 'assistant', 'tool'],
    'expected "user", "assistant", "tool" or "system"',
  ),
  content: v.pipe(v.string('expected a string'), v.maxLength(200_000, 'is longer than 200,000 characters')),
});

const QuestionSchema = v.looseObject({
  id: v.pipe(v.string('expected a BFCL id such as "simple_python_0"'), v.minLength(1), v.maxLength(200)),
  question: v.pipe(
    v.array(v.array(MessageSchema, 'expected a turn (an array of messages)'), 'expected an array of turns'),
    v.minLength(1, 'must hold at least one turn'),
  ),
  function: v.pipe(v.array(v.unknown(), 'expected an array of function docs'), v.maxLength(1000)),
});

const AnswerSchema = v.looseObject({
  id: v.pipe(v.string('expected the id of a question'), v.minLength(1), v.maxLength(200)),
  ground_truth: v.array(v.unknown(), 'expected an array of calls ({function: {param: [values]}})'),
});

/** A suite converted from BFCL, with what could not be expressed listed per case; or every problem. */
export type BfclImportResult =
  { ok: true; value: Suite; notes: ImportIssue[] } | { ok: false; issues: ImportIssue[] };

interface Answer {
  line: number;
  groundTruth: unknown[];
}

function readAnswers(text: string, issues: ImportIssue[]): Map<string, Answer> {
  const answers = new Map<string, Answer>();
  const lines = readJsonLines(text);
  const where = (issue: ImportIssue): ImportIssue => ({
    path: `answers ${issue.path}`,
    message: issue.message,
  });
  issues.push(...lines.issues.map(where));
  for (const record of lines.records) {
    const parsed = parseProblem(AnswerSchema, record.value, record.line);
    if (!parsed.ok) {
      issues.push(...parsed.issues.map(where));
      continue;
    }
    const earlier = answers.get(parsed.value.id);
    if (earlier !== undefined) {
      issues.push(
        where({
          path: linePath(record.line, 'id'),
          message: `duplicate id ${JSON.stringify(parsed.value.id)} (first on line ${earlier.line})`,
        }),
      );
      continue;
    }
    answers.set(parsed.value.id, { line: record.line, groundTruth: parsed.value.ground_truth });
  }
  return answers;
}

function turnsOf(question: v.InferOutput<typeof QuestionSchema>['question']): ChatMessage[] | string {
  if (question.length !== 1) return `has ${question.length} turns; the single-turn categories have one`;
  const messages = question[0] ?? [];
  if (messages.some((m) => m.role === 'system')) {
    return "has a system message; a tabeval case cannot carry its own (the suite's system_prompt is the system message)";
  }
  if (messages.length === 0) return 'has an empty turn';
  return messages.map((m) => ({ role: m.role as ChatMessage['role'], content: m.content }));
}

/**
 * Converts BFCL's data files to a tabeval suite: `questionsText` is a BFCL category file (one JSON
 * object a line: `id`, `question` as a list of turns of messages, `function` as a list of function
 * docs), `answersText` its possible-answer file (`id`, `ground_truth`); irrelevance cases need none.
 * Categories: simple, multiple, parallel, parallel_multiple, irrelevance (by id). Each case offers
 * its own functions (`tools`, in BFCL's order); functions shared by cases are declared once.
 * Irrelevance cases expect no call; the others expect the answer's calls in any order
 * (`bfclExpectedCalls`, BFCL's string rule). What tabeval cannot express is returned in `notes`,
 * one per case and point (`line 4, …`); a case that cannot be converted at all (more than one
 * turn, its own system message, a function name another case defines differently) is left out
 * with a note saying why. Bad lines and fields are `issues`. Never throws.
 */
export function importBfcl(
  questionsText: string,
  answersText: string | undefined,
  options: ImportOptions = {},
): BfclImportResult {
  const issues: ImportIssue[] = [];
  const notes: ImportIssue[] = [];
  const answers = answersText === undefined ? new Map<string, Answer>() : readAnswers(answersText, issues);
  const lines = readJsonLines(questionsText);
  issues.push(...lines.issues);
  const tools = new Map<string, { tool: ToolDefinition; json: string; firstId: string; line: number }>();
  const cases: ImportedCase[] = [];
  const used = new Set<string>();

  for (const record of lines.records) {
    const parsed = parseProblem(QuestionSchema, record.value, record.line);
    if (!parsed.ok) {
      issues.push(...parsed.issues);
      continue;
    }
    const { id, question } = parsed.value;
    const at = (field?: string) => linePath(record.line, field);
    const category = bfclCategory(id);
    if (category === undefined) {
      issues.push({
        path: at('id'),
        message: `${JSON.stringify(id)} is not in a category the importer converts (${BFCL_CATEGORIES.join(', ')})`,
      });
      continue;
    }
    const functions: ToolDefinition[] = [];
    parsed.value.function.forEach((doc, index) => {
      const converted = convertBfclFunction(doc);
      if (converted.ok) functions.push(converted.value);
      else
        issues.push(
          ...converted.problems.map((p) => ({
            path: at(`function[${index}]${p.path === '' ? '' : `.${p.path}`}`),
            message: p.message,
          })),
        );
    });
    if (functions.length !== parsed.value.function.length) continue;

    const answer = answers.get(id);
    if (answer !== undefined) used.add(id);
    let expectation: Pick<SuiteCase, 'expect_no_call' | 'expected_calls'>;
    if (category === 'irrelevance') {
      if (answer !== undefined)
        notes.push({
          path: at(),
          message: `${id}: the possible answer is ignored; an irrelevance case expects no call`,
        });
      expectation = { expect_no_call: true };
    } else if (answer === undefined) {
      issues.push({
        path: at('id'),
        message:
          answersText === undefined
            ? `${id} needs the possible-answers file (give it as the second file)`
            : `no possible answer for ${JSON.stringify(id)} in the answers file`,
      });
      continue;
    } else {
      const calls = bfclExpectedCalls(answer.groundTruth, functions);
      if (!calls.ok) {
        issues.push(
          ...calls.problems.map((p) => ({
            path: `answers ${linePath(answer.line, `ground_truth${p.path}`)}`,
            message: p.message,
          })),
        );
        continue;
      }
      notes.push(...calls.notes.map((message) => ({ path: at(), message: `${id}: ${message}` })));
      expectation = { expected_calls: calls.calls };
    }

    const turns = turnsOf(question);
    if (typeof turns === 'string') {
      notes.push({ path: at('question'), message: `${id}: not imported, its question ${turns}` });
      continue;
    }
    const clash = functions.find((f) => {
      const known = tools.get(f.name);
      return known !== undefined && known.json !== canonicalJson(f);
    });
    if (clash !== undefined) {
      const first = tools.get(clash.name)?.firstId ?? '';
      notes.push({
        path: at('function'),
        message: `${id}: not imported, function ${JSON.stringify(clash.name)} is defined differently in ${first} (tool names are unique in a suite)`,
      });
      continue;
    }
    for (const f of functions)
      if (!tools.has(f.name))
        tools.set(f.name, { tool: f, json: canonicalJson(f), firstId: id, line: record.line });
    const single = turns.length === 1 && turns[0]?.role === 'user' ? turns[0].content : undefined;
    cases.push({
      line: record.line,
      suiteCase: {
        id,
        category: options.category ?? category,
        ...(single !== undefined ? { prompt: single } : { messages: turns }),
        tools: functions.map((f) => f.name),
        ...expectation,
      },
    });
  }
  for (const [id, answer] of answers) {
    if (!used.has(id))
      notes.push({
        path: `answers ${linePath(answer.line)}`,
        message: `${id}: no question with this id; the answer is ignored`,
      });
  }
  if (cases.length === 0 && issues.length === 0 && notes.length > 0) {
    return { ok: false, issues: [{ path: '(file)', message: 'no case could be imported:' }, ...notes] };
  }
  const result = finishImport(
    {
      format: 'bfcl',
      formatLabel: 'BFCL',
      systemPrompt: BFCL_SYSTEM_PROMPT,
      tools: [...tools.values()].map((t) => t.tool),
      idField: 'id',
      checks: "each case offers its own functions, and the calls are checked against BFCL's possible answers",
    },
    options,
    cases,
    issues,
  );
  if (result.ok) return { ok: true, value: result.value, notes };
  // A declared tool's problem is the function doc's, on the line that first defined it.
  const declared = [...tools.values()];
  return {
    ok: false,
    issues: result.issues.map((issue) => {
      const match = TOOL_PATH.exec(issue.path);
      const entry = match === null ? undefined : declared[Number(match[1])];
      if (match === null || entry === undefined) return issue;
      const rest = issue.path.slice(match[0].length);
      return { path: linePath(entry.line, `function ${entry.tool.name}${rest}`), message: issue.message };
    }),
  };
}
