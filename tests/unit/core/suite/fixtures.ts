// A small valid suite for the suite tests; each test copies it with `structuredClone` before changing it.
import type { Suite } from '../../../../src/core/suite/types.ts';

export const validSuite: Suite = {
  id: 'mini',
  version: '1.0.0',
  description: 'A small suite for tests.',
  system_prompt: 'You are helpful.\n\n{tools}',
  tools: [
    {
      name: 'read_file',
      description: 'Read a file.',
      parameters: {
        type: 'object',
        properties: {
          path: { type: 'string' },
          start_line: { type: 'integer' },
          mode: { type: 'string', enum: ['text', 'binary'] },
        },
        required: ['path'],
      },
    },
    {
      name: 'run_command',
      parameters: {
        type: 'object',
        properties: { command: { type: 'string' }, args: { type: 'array', items: { type: 'string' } } },
        required: ['command'],
      },
    },
  ],
  cases: [
    {
      id: 'read',
      category: 'tools',
      prompt: 'Read /etc/hosts.',
      expected_tools: ['read_file'],
      expected_keywords: ['localhost'],
      expected_calls: [
        {
          name: 'read_file',
          arguments: { path: { equals: '/etc/hosts' }, start_line: { type: 'integer', optional: true } },
        },
      ],
      call_order: 'any',
    },
    {
      id: 'echo',
      category: 'tools',
      messages: [
        { role: 'user', content: 'Say hello with echo.' },
        { role: 'assistant', content: 'Which shell?' },
        { role: 'user', content: 'bash' },
      ],
      expected_calls: [{ name: 'run_command', arguments: { command: { regex: '^echo\\b' } } }],
    },
    { id: 'none', category: 'chat', prompt: 'Hi!', expect_no_call: true },
    { id: 'sum', category: 'reasoning', prompt: 'What is 2 + 2?', answer: { regex: '^\\s*4\\s*$' } },
  ],
};

/** A deep copy of `validSuite` as plain JSON data, to break on purpose. */
export function suiteData(): Record<string, unknown> & {
  cases: Record<string, unknown>[];
  tools: Record<string, unknown>[];
} {
  return structuredClone(validSuite) as unknown as ReturnType<typeof suiteData>;
}
