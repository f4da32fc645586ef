import type { IssuePath, LocatedIssue } from '../validation/formatPath.ts';
import type { CaseEntry } from './suiteParts.ts';
import { compileSuiteRegex } from './suiteRegex.ts';

function regexProblem(source: string, path: IssuePath): LocatedIssue[] {
  const compiled = compileSuiteRegex(source);
  if (compiled.ok) return [];
  const shown = source.length > 80 ? `${source.slice(0, 77)}...` : source;
  return [{ path, message: `invalid regular expression ${JSON.stringify(shown)}: ${compiled.error}` }];
}

/**
 * Problems of one case that need more than one field to see: both or neither of `prompt` and
 * `messages`, a conversation the model cannot answer, contradicting expectations, options without
 * the expectation they modify, regular expressions that do not compile. Never throws.
 */
export function caseChecks(entry: CaseEntry): LocatedIssue[] {
  const { fields, present } = entry;
  const path: IssuePath = ['cases', entry.index];
  const at = (...rest: (string | number)[]): IssuePath => [...path, ...rest];
  const issues: LocatedIssue[] = [];

  if (present.has('prompt') && present.has('messages')) {
    issues.push({ path, message: "has both 'prompt' and 'messages': keep exactly one" });
  } else if (!present.has('prompt') && !present.has('messages')) {
    issues.push({ path, message: "needs a 'prompt' or 'messages'" });
  }
  const messages = fields.messages ?? [];
  messages.forEach((message, index) => {
    if (message.role === 'system') {
      issues.push({
        path: at('messages', index, 'role'),
        message: "a case has no 'system' messages: the suite's system_prompt is the system message",
      });
    }
  });
  const last = messages.at(-1);
  if (last !== undefined && last.role !== 'user' && last.role !== 'tool') {
    issues.push({
      path: at('messages', messages.length - 1, 'role'),
      message: `the last message must come from 'user' or 'tool' (the model answers it), not '${last.role}'`,
    });
  }

  if (fields.expect_no_call === true) {
    for (const field of ['expected_calls', 'expected_tools']) {
      if (present.has(field)) {
        issues.push({
          path: at('expect_no_call'),
          message: `contradicts ${field}: a case expects calls or none`,
        });
      }
    }
  }
  if (present.has('call_order') && !present.has('expected_calls')) {
    issues.push({ path: at('call_order'), message: 'has no effect without expected_calls' });
  }
  if (present.has('keywords_whole_word') && !present.has('expected_keywords')) {
    issues.push({ path: at('keywords_whole_word'), message: 'has no effect without expected_keywords' });
  }

  if (fields.answer !== undefined && 'regex' in fields.answer) {
    issues.push(...regexProblem(fields.answer.regex, at('answer', 'regex')));
  }
  const execution = fields.execution;
  if (execution !== undefined) {
    const definesCheck = /^def\s+check\s*\(/m.test(execution.tests);
    if (definesCheck && execution.entry_point === undefined) {
      issues.push({
        path: at('execution'),
        message:
          "the tests define check(candidate) but there is no 'entry_point' naming the function to pass it",
      });
    }
    if (!definesCheck && !/\bassert\b/.test(execution.tests)) {
      issues.push({
        path: at('execution', 'tests'),
        message: 'has no assert statement and no check(candidate) function: nothing could fail',
      });
    }
  }
  for (const call of entry.calls) {
    for (const [name, matcher] of call.arguments) {
      if ('regex' in matcher) {
        issues.push(
          ...regexProblem(matcher.regex, at('expected_calls', call.index, 'arguments', name, 'regex')),
        );
      }
    }
  }
  return issues;
}
