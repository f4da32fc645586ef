// The request hash of a report (`messagesHash`) is defined as the SHA-256 of
// canonicalJson({ messages: [[role, content], …], tools }); requestHash builds that text in parts
// (the system prompt hashed once a run) and must give the same digest for every request.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../src/core/hash/sha256Hex.ts';
import { caseRequest, requestHash } from '../../../../src/core/run/caseRequest.ts';
import { reportSuite } from '../../../../src/core/report/reportSuite.ts';
import { loadReport } from '../report/fixtures.ts';
import { canonicalJson } from '../../../../src/core/suite/canonicalJson.ts';
import type { ChatMessage, ToolDefinition } from '../../../../src/core/suite/types.ts';

const defined = (messages: ChatMessage[], tools: ToolDefinition[]) =>
  sha256Hex(canonicalJson({ messages: messages.map((m) => [m.role, m.content]), tools }));

const TOOLS: ToolDefinition[] = [
  {
    name: 'read_file',
    description: 'Read a "file" \u2028 é',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  { name: 'ls', description: '', parameters: { type: 'object', properties: {} } },
];

const text = fc.string({ unit: 'binary', maxLength: 200 });
const message = fc.record({ role: fc.constantFrom('system', 'user', 'assistant'), content: text });

describe('requestHash', () => {
  it('is the SHA-256 of the canonical JSON of messages and tools, for any request', () => {
    // A few system prompts, so that prefixes repeat as they do across the cases of a run.
    const systems = fc.array(text, { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(
        systems,
        fc.array(fc.tuple(fc.nat(), fc.boolean(), fc.array(message, { maxLength: 3 }), fc.subarray(TOOLS)), {
          maxLength: 10,
        }),
        (prompts, requests) => {
          for (const [pick, withSystem, turns, tools] of requests) {
            const messages: ChatMessage[] = withSystem
              ? [{ role: 'system', content: prompts[pick % prompts.length]! }, ...turns]
              : turns;
            expect(requestHash({ messages, tools })).toBe(defined(messages, tools));
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 30_000);

  it.each(['punie-30b', 'rich'] as const)(
    'gives every messagesHash recorded in the %s fixture (written with Web Crypto)',
    (name) => {
      const report = loadReport(name);
      const suite = reportSuite(report);
      if (!suite.ok) throw new Error('the fixture suite is valid');
      const byId = new Map(suite.value.cases.map((c) => [c.id, c]));
      const recorded = report.cases.filter((c) => c.messagesHash !== null);
      expect(recorded.length).toBeGreaterThan(0);
      for (const record of recorded) {
        const request = caseRequest(suite.value, byId.get(record.id)!, report.params, record.sample);
        expect(requestHash(request)).toBe(record.messagesHash);
      }
    },
  );
});
