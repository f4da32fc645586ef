// The suite types, inferred from the valibot schemas in schema.ts: the schema is the single source
// of truth. These are the *validated* shapes (`validateSuite`'s output): OpenAI-wrapped tools are
// already unwrapped and `$schema` is gone.
import type * as v from 'valibot';
import type {
  AnswerSchema,
  ChatMessageSchema,
  ExpectedCallSchema,
  JsonTypeSchema,
  MatcherSchema,
  SuiteCaseSchema,
  SuiteSchema,
  ToolDefinitionSchema,
} from './schema.ts';

/** A JSON type a `{"type": ...}` matcher can require: string, integer, number, boolean, array, object. */
export type JsonType = v.InferOutput<typeof JsonTypeSchema>;

/** How one argument of an expected call is checked: exactly one of equals / one_of / regex / type, plus `optional?`. */
export type Matcher = v.InferOutput<typeof MatcherSchema>;

/** A call the model is expected to make: tool name and argument matchers. */
export type ExpectedCall = v.InferOutput<typeof ExpectedCallSchema>;

/** A tool offered to the model; `parameters` is a JSON Schema object `{ type: "object", properties?, required? }`. */
export type ToolDefinition = v.InferOutput<typeof ToolDefinitionSchema>;

/** One message of a multi-turn case. */
export type ChatMessage = v.InferOutput<typeof ChatMessageSchema>;

/** The expected final answer: `{ equals }` or `{ regex }`. */
export type AnswerExpectation = v.InferOutput<typeof AnswerSchema>;

/**
 * One case. Exactly one of `prompt` and `messages` is present. `keywords_whole_word` (default
 * false, Punie's substring rule) makes keywords match whole words only.
 */
export type SuiteCase = v.InferOutput<typeof SuiteCaseSchema>;

/** A validated suite. Tools are in the inner (unwrapped) form. */
export type Suite = v.InferOutput<typeof SuiteSchema>;

/** One problem of a suite: where (`cases[3].expected_calls[0].arguments.path`, or `(root)`) and what. */
export interface SuiteIssue {
  path: string;
  message: string;
}

/** The outcome of validating a suite: the suite, or every problem found. */
export type SuiteValidation = { ok: true; value: Suite } | { ok: false; issues: SuiteIssue[] };
