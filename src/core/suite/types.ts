// Contract for the suite format (issue 3). Once the valibot schema exists, these names are
// re-exported as `v.InferOutput<...>` of it so the schema is the single source of truth.

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';

/** How one argument of an expected call is checked. */
export type Matcher = (
  | { equals: unknown }
  | { one_of: unknown[] }
  | { regex: string }
  | { type: JsonType }
) & { optional?: boolean };

export interface ExpectedCall {
  name: string;
  arguments?: Record<string, Matcher>;
}

export interface ToolDefinition {
  name: string;
  description?: string;
  /** A JSON Schema object: `{ type: "object", properties, required }`. */
  parameters: {
    type: 'object';
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
    [k: string]: unknown;
  };
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}

export type AnswerExpectation = { equals: string } | { regex: string };

export interface SuiteCase {
  id: string;
  category: string;
  /** Exactly one of `prompt` and `messages` is present. */
  prompt?: string;
  messages?: ChatMessage[];
  expected_tools?: string[];
  expected_keywords?: string[];
  /** Keywords must match whole words (not "recursively" for "recursive"). Default false: Punie's substring rule. */
  keywords_whole_word?: boolean;
  expected_calls?: ExpectedCall[];
  call_order?: 'any' | 'exact';
  expect_no_call?: boolean;
  answer?: AnswerExpectation;
}

export interface Suite {
  id: string;
  version: string;
  description: string;
  system_prompt: string;
  /** Normalised: OpenAI's `{type:"function", function:{...}}` wrapper is unwrapped on validation. */
  tools: ToolDefinition[];
  cases: SuiteCase[];
}
