// Messages for the suite schema. valibot calls these when it creates an issue; each one says what is
// wrong in the words of the suite format, never in valibot's (`Invalid type: Expected ...`).
import type * as v from 'valibot';
import { describeValue } from '../validation/describeValue.ts';
import { didYouMean } from '../validation/didYouMean.ts';

type IssueMessage = (issue: v.BaseIssue<unknown>) => string;

/** The message for a value of the wrong type or shape: `expected a string, got the number 5`. */
export function expected(what: string): IssueMessage {
  return (issue) => `expected ${what}, got ${describeValue(issue.input)}`;
}

/** The message for an unknown key, with the closest allowed key when it looks like a typo. */
export function unknownFieldMessage(key: string, allowed: readonly string[]): string {
  const suggestion = didYouMean(key, allowed);
  return suggestion === undefined
    ? `unknown field '${key}' (allowed: ${allowed.join(', ')})`
    : `unknown field '${key}' (did you mean '${suggestion}'?)`;
}

/**
 * The message of a closed object schema: an unknown key, a missing required key, or not an object
 * at all (`what` names it then: `a case`).
 */
export function objectMessage(what: string, allowed: readonly string[]): IssueMessage {
  return (issue) => {
    const key = issue.path?.[0]?.key;
    if (typeof key !== 'string') return expected(`${what} (an object)`)(issue);
    return issue.expected === 'never' ? unknownFieldMessage(key, allowed) : `missing required field '${key}'`;
  };
}

/** The names an argument matcher can have; exactly one per matcher, plus `optional`. */
export const MATCHER_KINDS = ['equals', 'one_of', 'regex', 'type'] as const;

/** The JSON types a `{"type": ...}` matcher can name. */
export const JSON_TYPES = ['string', 'integer', 'number', 'boolean', 'array', 'object'] as const;

/** The names an `answer` expectation can have; exactly one. */
export const ANSWER_KINDS = ['equals', 'regex'] as const;

const quoted = (keys: readonly string[]): string => keys.map((key) => `'${key}'`).join(', ');

/**
 * The message for an argument matcher that fits none of its forms. Looks at the raw value to name
 * the actual mistake: `unknown matcher 'equal' (did you mean 'equals'?)`, two kinds at once, a kind
 * with a value of the wrong type.
 */
export const matcherMessage: IssueMessage = (issue) => {
  const input = issue.input;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return `expected a matcher such as {"equals": ...}, {"one_of": [...]}, {"regex": "..."} or {"type": "string"}, got ${describeValue(input)}`;
  }
  const record = input as Record<string, unknown>;
  const keys = Object.keys(record);
  const allowed: readonly string[] = [...MATCHER_KINDS, 'optional', 'strings'];
  const kinds = keys.filter((key) => (MATCHER_KINDS as readonly string[]).includes(key));
  const unknown = keys.filter((key) => !allowed.includes(key));
  const firstUnknown = unknown[0];
  if (firstUnknown !== undefined) {
    const suggestion = didYouMean(firstUnknown, allowed);
    const hint =
      suggestion === undefined ? `use one of ${quoted(MATCHER_KINDS)}` : `did you mean '${suggestion}'?`;
    const more = unknown.length > 1 ? ` (and ${quoted(unknown.slice(1))})` : '';
    return kinds.length === 0
      ? `unknown matcher '${firstUnknown}' (${hint})${more}`
      : `unknown key '${firstUnknown}' in matcher (${hint})${more}`;
  }
  const kind = kinds[0];
  if (kind === undefined) return `a matcher needs one of ${quoted(MATCHER_KINDS)}`;
  if (kinds.length > 1)
    return `a matcher has exactly one of ${quoted(MATCHER_KINDS)}, this one has ${quoted(kinds)}`;
  if ('optional' in record && typeof record.optional !== 'boolean') {
    return `'optional' must be true or false, got ${describeValue(record.optional)}`;
  }
  if ('strings' in record && kind !== 'equals' && kind !== 'one_of') {
    return `'strings' applies to 'equals' and 'one_of' only, not '${kind}'`;
  }
  if ('strings' in record && record.strings !== 'exact' && record.strings !== 'bfcl') {
    return `'strings' must be "exact" or "bfcl", got ${describeValue(record.strings)}`;
  }
  const value = record[kind];
  if (kind === 'one_of') return `'one_of' must be an array of allowed values, got ${describeValue(value)}`;
  if (kind === 'regex') return `'regex' must be a string (a regular expression), got ${describeValue(value)}`;
  if (kind === 'type') return `'type' must be one of ${quoted(JSON_TYPES)}, got ${describeValue(value)}`;
  return 'invalid matcher';
};

/** The message for an `answer` that fits neither `{"equals": "..."}` nor `{"regex": "..."}`. */
export const answerMessage: IssueMessage = (issue) => {
  const input = issue.input;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return `expected an answer such as {"equals": "42"} or {"regex": "^42$"}, got ${describeValue(input)}`;
  }
  const record = input as Record<string, unknown>;
  const keys = Object.keys(record);
  const kinds = keys.filter((key) => (ANSWER_KINDS as readonly string[]).includes(key));
  const unknown = keys.find((key) => !(ANSWER_KINDS as readonly string[]).includes(key));
  if (unknown !== undefined) {
    const suggestion = didYouMean(unknown, ANSWER_KINDS);
    return `unknown answer key '${unknown}' (${suggestion === undefined ? `use ${quoted(ANSWER_KINDS)}` : `did you mean '${suggestion}'?`})`;
  }
  const kind = kinds[0];
  if (kind === undefined) return `an answer needs 'equals' or 'regex'`;
  if (kinds.length > 1) return `an answer has exactly one of 'equals' and 'regex', not both`;
  return `'${kind}' must be a string, got ${describeValue(record[kind])}`;
};
