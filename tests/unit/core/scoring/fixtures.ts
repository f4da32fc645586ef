// Hand-built values shared by the scoring tests (not a test file itself).
import type { CallArguments, CallFormat, ParseResult, ToolCall } from '../../../../src/core/parser/types.ts';
import type { SuiteCase, ToolDefinition } from '../../../../src/core/suite/types.ts';

/** A parsed call as the shared parser would return it (offsets are irrelevant to scoring). */
export function call(name: string, args: CallArguments = {}, format: CallFormat = 'tagged-json'): ToolCall {
  return { name, arguments: args, format, start: 0, end: 0 };
}

/** A ParseResult holding `calls`. */
export function parsedWith(...calls: ToolCall[]): ParseResult {
  return { text: '', calls, nearMisses: [] };
}

/** A case with the given expectations. */
export function caseWith(expectations: Partial<SuiteCase> = {}): SuiteCase {
  return { id: 'case-1', category: 'tool_calling', prompt: 'Do it.', ...expectations };
}

/** The tools Punie offered the model, plus one with typed parameters for the type checks. */
export const TOOLS: ToolDefinition[] = [
  {
    name: 'read_file',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'write_file',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content'],
    },
  },
  {
    name: 'run_command',
    parameters: {
      type: 'object',
      properties: {
        command: { type: 'string' },
        args: { type: 'array', items: { type: 'string' } },
        cwd: { type: 'string' },
      },
      required: ['command'],
    },
  },
  {
    name: 'search',
    parameters: {
      type: 'object',
      properties: {
        query: { type: 'string' },
        limit: { type: 'integer' },
        threshold: { type: 'number' },
        regex: { type: 'boolean' },
        filters: { type: 'object' },
        mode: { type: 'string', enum: ['fast', 'exact'] },
        page: { type: ['integer', 'null'] },
      },
      required: ['query'],
    },
  },
];
