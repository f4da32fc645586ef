// The suite types are inferred from the valibot schema. Scorers were written against the hand-written
// contract below (the first version of types.ts); these assertions fail to type-check if the inferred
// types drift from it. `tsc --noEmit` checks them; the runtime test only keeps vitest from skipping the file.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  AnswerExpectation,
  ChatMessage,
  ExpectedCall,
  JsonType,
  Matcher,
  Suite,
  SuiteCase,
  ToolDefinition,
} from '../../../src/core/suite/types.ts';

type ContractJsonType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
type ContractMatcher = (
  { equals: unknown } | { one_of: unknown[] } | { regex: string } | { type: ContractJsonType }
) & { optional?: boolean };
interface ContractExpectedCall {
  name: string;
  arguments?: Record<string, ContractMatcher>;
}
interface ContractToolDefinition {
  name: string;
  description?: string;
  parameters: {
    type: 'object';
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
    [k: string]: unknown;
  };
}
interface ContractChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  content: string;
}
type ContractAnswerExpectation = { equals: string } | { regex: string };
interface ContractSuiteCase {
  id: string;
  category: string;
  prompt?: string;
  messages?: ContractChatMessage[];
  expected_tools?: string[];
  expected_keywords?: string[];
  keywords_whole_word?: boolean;
  expected_calls?: ContractExpectedCall[];
  call_order?: 'any' | 'exact';
  expect_no_call?: boolean;
  answer?: ContractAnswerExpectation;
}
interface ContractSuite {
  id: string;
  version: string;
  description: string;
  system_prompt: string;
  tools: ContractToolDefinition[];
  cases: ContractSuiteCase[];
}

describe('inferred suite types', () => {
  it('are mutually assignable with the hand-written contract', () => {
    expectTypeOf<JsonType>().toEqualTypeOf<ContractJsonType>();
    expectTypeOf<Matcher>().toExtend<ContractMatcher>();
    expectTypeOf<ContractMatcher>().toExtend<Matcher>();
    expectTypeOf<ExpectedCall>().toExtend<ContractExpectedCall>();
    expectTypeOf<ContractExpectedCall>().toExtend<ExpectedCall>();
    expectTypeOf<ToolDefinition>().toExtend<ContractToolDefinition>();
    expectTypeOf<ContractToolDefinition>().toExtend<ToolDefinition>();
    expectTypeOf<ChatMessage>().toEqualTypeOf<ContractChatMessage>();
    expectTypeOf<AnswerExpectation>().toExtend<ContractAnswerExpectation>();
    expectTypeOf<ContractAnswerExpectation>().toExtend<AnswerExpectation>();
    expectTypeOf<SuiteCase>().toExtend<ContractSuiteCase>();
    expectTypeOf<ContractSuiteCase>().toExtend<SuiteCase>();
    expectTypeOf<Suite>().toExtend<ContractSuite>();
    expectTypeOf<ContractSuite>().toExtend<Suite>();
    // Optional fields stay optional without `| undefined` (exactOptionalPropertyTypes).
    expectTypeOf<SuiteCase['prompt']>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error an explicit undefined is not a valid optional value
    const _noUndefined: SuiteCase = { id: 'a', category: 'b', prompt: undefined };
    // @ts-expect-error `$schema` is dropped on validation
    expectTypeOf<Suite>().toHaveProperty('$schema');
    expect(true).toBe(true);
  });
});
