// The suite format: schema, validation, canonical hashing and the prompt the model sees.
export type {
  AnswerExpectation,
  ChatMessage,
  ExpectedCall,
  JsonType,
  Matcher,
  Suite,
  SuiteCase,
  SuiteIssue,
  SuiteValidation,
  ToolDefinition,
} from './types.ts';
export {
  AnswerSchema,
  ChatMessageSchema,
  ExpectedCallSchema,
  JsonTypeSchema,
  MatcherSchema,
  OpenAIToolSchema,
  SuiteCaseSchema,
  SuiteSchema,
  ToolDefinitionSchema,
  ToolParametersSchema,
  ToolSchema,
} from './schema.ts';
export { validateSuite } from './validateSuite.ts';
export { parseSuiteJson } from './parseSuiteJson.ts';
export { locateJsonError, type JsonSyntaxError } from '../validation/locateJsonError.ts';
export { canonicalJson, CanonicalJsonError } from './canonicalJson.ts';
export { suiteHash } from './suiteHash.ts';
export { compileSuiteRegex, SUITE_REGEX_FLAGS, type CompiledSuiteRegex } from './suiteRegex.ts';
export {
  buildSystemPrompt,
  QWEN_TOOLS_TEMPLATE,
  renderToolsBlock,
  TOOL_LINES_PLACEHOLDER,
  TOOLS_PLACEHOLDER,
} from './buildSystemPrompt.ts';
export { renderToolJson } from './renderToolJson.ts';
export { buildMessages } from './buildMessages.ts';
