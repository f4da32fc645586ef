// The suite format, as valibot schemas: the single source of truth for the types (types.ts infers
// them from here) and for the published JSON Schema (scripts/gen-suite-schema.ts converts it).
// Checks that relate one part of a suite to another (declared tools, duplicate ids, regexes that
// compile) live in semanticChecks.ts: they need the whole suite, not one value.
import * as v from 'valibot';
import { SUITE_REGEX_MAX_LENGTH, SUITE_REGEX_MAX_PROGRAM } from './suiteRegex.ts';
import { answerMessage, expected, JSON_TYPES, matcherMessage, objectMessage } from './issueMessages.ts';
import { ExecutionSpecSchema } from '../execution/schema.ts';
import { HEADLINE_RULES } from '../scoring/headline.ts';
import { ownRecord } from '../validation/ownRecord.ts';

/** A closed object: unknown keys are problems, so a typo such as `expected_tool` cannot pass unnoticed. */
function closedObject<const TEntries extends v.ObjectEntries>(what: string, entries: TEntries) {
  return v.strictObject(entries, objectMessage(what, Object.keys(entries)));
}

function text(what: string) {
  return v.string(expected(what));
}

function nonEmptyText(what: string) {
  return v.pipe(v.string(expected(what)), v.minLength(1, 'must not be empty'));
}

/** A list that is either absent or has items: an empty list would silently mean "no expectation". */
function nonEmptyList<const TItem extends v.GenericSchema>(what: string, item: TItem) {
  return v.pipe(
    v.array(item, expected(what)),
    v.minLength(1, 'must not be empty (leave the field out instead)'),
  );
}

function flag(what: string) {
  return v.boolean(expected(`true or false (${what})`));
}

/** The JSON types a `{"type": ...}` matcher can require. */
export const JsonTypeSchema = v.picklist(
  JSON_TYPES,
  expected(`one of ${JSON_TYPES.map((type) => JSON.stringify(type)).join(', ')}`),
);

const REGEX_DIALECT =
  'RE2 syntax (linear-time matching): a search, anchor with ^...$ for a full match; no backreferences ' +
  `or lookaround; \\d \\w \\s \\b are ASCII; at most ${SUITE_REGEX_MAX_LENGTH} characters and ` +
  `${SUITE_REGEX_MAX_PROGRAM} compiled instructions.`;

const optionalFlag = v.exactOptional(
  v.pipe(flag('optional'), v.description('The argument may be left out; when present it must match.')),
);

/** How `equals` and `one_of` compare strings: exactly (after trimming) or by BFCL's rule. */
export const STRING_RULES = ['exact', 'bfcl'] as const;

const stringRule = v.exactOptional(
  v.pipe(
    v.picklist(STRING_RULES, expected('"exact" or "bfcl"')),
    v.description(
      '"bfcl": strings (also inside arrays and objects, one level deep) compare as BFCL does: case-folded, with spaces and the punctuation ,./-_*^ removed and \' read as ". Default "exact".',
    ),
  ),
);

/**
 * How one argument of an expected call is checked: exactly one of `equals` (JSON equality),
 * `one_of` (equal to one of the values), `regex` (an RE2-dialect regular expression the string value
 * must contain a match of, see suiteRegex.ts) or `type` (the JSON type), and optionally `optional`;
 * `equals` and `one_of` also take `strings: "bfcl"` (BFCL's string comparison, see bfclEquals.ts).
 */
export const MatcherSchema = v.union(
  [
    closedObject('a matcher', { equals: v.unknown(), optional: optionalFlag, strings: stringRule }),
    closedObject('a matcher', {
      one_of: v.pipe(v.array(v.unknown()), v.minLength(1, "'one_of' must list at least one value")),
      optional: optionalFlag,
      strings: stringRule,
    }),
    closedObject('a matcher', {
      regex: v.pipe(
        v.string(),
        v.minLength(1, '\'regex\' must not be empty (use {"type": "string"})'),
        v.description(`The string value (other values as JSON) must contain a match. ${REGEX_DIALECT}`),
      ),
      optional: optionalFlag,
    }),
    closedObject('a matcher', { type: JsonTypeSchema, optional: optionalFlag }),
  ],
  matcherMessage,
);

/** A call the model is expected to make: the tool name and matchers for the arguments that matter. */
export const ExpectedCallSchema = closedObject('an expected call', {
  name: v.pipe(nonEmptyText('a tool name'), v.description('A tool declared in the suite.')),
  arguments: v.exactOptional(
    v.pipe(
      ownRecord(v.string(), MatcherSchema, expected('an object of argument matchers')),
      v.description('Argument name → matcher. Arguments without a matcher are not checked.'),
    ),
  ),
});

/** The JSON Schema of a tool's arguments. Only its outer shape is checked; the rest is passed on as written. */
export const ToolParametersSchema = v.looseObject(
  {
    type: v.literal('object', expected('"object"')),
    properties: v.exactOptional(
      ownRecord(
        v.string(),
        ownRecord(v.string(), v.unknown(), expected('a JSON Schema object for the parameter')),
        expected('an object mapping parameter names to JSON Schemas'),
      ),
    ),
    required: v.exactOptional(v.array(text('a parameter name'), expected('an array of parameter names'))),
  },
  objectMessage('a JSON Schema object such as {"type": "object", "properties": {...}}', [
    'type',
    'properties',
    'required',
  ]),
);

/** A tool offered to the model, in the inner form of OpenAI's `{"type": "function", "function": {...}}`. */
export const ToolDefinitionSchema = closedObject('a tool definition', {
  name: nonEmptyText('a tool name'),
  description: v.exactOptional(text('a description')),
  parameters: ToolParametersSchema,
});

/** OpenAI's wrapped form of a tool, accepted as input and unwrapped to `ToolDefinitionSchema`'s form. */
export const OpenAIToolSchema = v.pipe(
  closedObject('an OpenAI tool ({"type": "function", "function": {...}})', {
    type: v.literal('function', expected('"function"')),
    function: ToolDefinitionSchema,
  }),
  v.transform((wrapped) => wrapped.function),
);

function isWrappedTool(input: unknown): boolean {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && 'function' in input;
}

/**
 * A tool in either form. Dispatches on the presence of a `function` key rather than trying both
 * forms, so the problems reported are those of the form the author meant.
 */
export const ToolSchema = v.lazy((input) => (isWrappedTool(input) ? OpenAIToolSchema : ToolDefinitionSchema));

/** One chat message of a multi-turn case. */
export const ChatMessageSchema = closedObject('a message', {
  role: v.picklist(['system', 'user', 'assistant', 'tool'], expected('"user", "assistant" or "tool"')),
  content: text('a string'),
});

/** The expected final answer: exact text or a regular expression (see suiteRegex.ts). */
export const AnswerSchema = v.union(
  [
    closedObject('an answer', { equals: nonEmptyText('a string') }),
    closedObject('an answer', {
      regex: v.pipe(
        nonEmptyText('a string'),
        v.description(
          `The normalised final answer must contain a match (case-insensitive). ${REGEX_DIALECT}`,
        ),
      ),
    }),
  ],
  answerMessage,
);

/** Most tools one case may name in `tools`. */
export const MAX_CASE_TOOLS = 1000;

/** One case. Every expectation is optional; a case with none scores 1.0 under the Punie rule. */
export const SuiteCaseSchema = closedObject('a case', {
  id: v.pipe(nonEmptyText('a case id'), v.description('Unique within the suite.')),
  category: nonEmptyText('a category name'),
  prompt: v.exactOptional(
    v.pipe(nonEmptyText('a string'), v.description('The user message. Exactly one of prompt and messages.')),
  ),
  messages: v.exactOptional(
    v.pipe(
      nonEmptyList('an array of messages', ChatMessageSchema),
      v.description('A conversation after the system message; ends with a user or tool message.'),
    ),
  ),
  tools: v.exactOptional(
    v.pipe(
      v.array(nonEmptyText('a tool name'), expected('an array of tool names')),
      v.maxLength(MAX_CASE_TOOLS, `a case offers at most ${MAX_CASE_TOOLS} tools`),
      v.description(
        "The tools this case offers, by name, in the order the prompt lists them: a subset of the suite's tools. Default: all of them. [] offers none.",
      ),
    ),
  ),
  expected_tools: v.exactOptional(
    v.pipe(
      nonEmptyList('an array of tool names', nonEmptyText('a tool name')),
      v.description('Punie rule: the fraction of these names among the called tools.'),
    ),
  ),
  expected_keywords: v.exactOptional(
    v.pipe(
      nonEmptyList('an array of keywords', nonEmptyText('a keyword')),
      v.description('Punie rule: the fraction found as case-insensitive substrings of the raw output.'),
    ),
  ),
  keywords_whole_word: v.exactOptional(
    v.pipe(flag('keywords_whole_word'), v.description('Keywords must match whole words. Default false.')),
  ),
  expected_calls: v.exactOptional(
    v.pipe(
      nonEmptyList('an array of expected calls', ExpectedCallSchema),
      v.description('Calls with argument matchers.'),
    ),
  ),
  call_order: v.exactOptional(
    v.pipe(
      v.picklist(['any', 'exact'], expected('"any" or "exact"')),
      v.description('"exact": the calls must come in the listed order. Default "any".'),
    ),
  ),
  expect_no_call: v.exactOptional(
    v.pipe(flag('expect_no_call'), v.description('The model must not call any tool.')),
  ),
  answer: v.exactOptional(
    v.pipe(
      AnswerSchema,
      v.description('The final answer: the text after the last "Answer:" in the output (all of it if none).'),
    ),
  ),
  execution: v.exactOptional(
    v.pipe(
      ExecutionSpecSchema,
      v.description('Python tests the solution in the reply is executed against (the exec scorer).'),
    ),
  ),
});

/**
 * A suite file. `$schema` is allowed for editors and dropped on validation: it is not content, so
 * it takes no part in the suite's hash.
 */
export const SuiteSchema = v.pipe(
  closedObject('a suite', {
    $schema: v.exactOptional(text('a string (the URL of the suite JSON Schema)')),
    id: nonEmptyText('a suite id'),
    version: nonEmptyText('a version string'),
    description: text('a string'),
    system_prompt: v.pipe(
      text('a string'),
      v.description('The system message. "{tools}" marks where the tool block goes; else it is appended.'),
    ),
    headline: v.exactOptional(
      v.pipe(
        v.picklist(
          HEADLINE_RULES,
          expected(`one of ${HEADLINE_RULES.map((rule) => JSON.stringify(rule)).join(', ')}`),
        ),
        v.description(
          'The headline figure: "punie" (mean of Punie case scores, Punie\'s rule) or "pass_rate" (cases passing every scorer; pass@1 with samples). Default "pass_rate".',
        ),
      ),
    ),
    tools: v.array(ToolSchema, expected('an array of tool definitions')),
    cases: v.pipe(
      v.array(SuiteCaseSchema, expected('an array of cases')),
      v.minLength(1, 'a suite needs at least one case'),
    ),
  }),
  v.title('tabeval suite'),
  v.description('An eval suite for tabeval: tools offered to the model and the cases to run.'),
  v.transform(({ $schema: _schema, ...suite }) => suite),
);
