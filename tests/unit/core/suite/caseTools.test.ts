import { describe, expect, it } from 'vitest';
import { caseRequest, requestHash } from '../../../../src/core/run/caseRequest.ts';
import { runSuite } from '../../../../src/core/run/runSuite.ts';
import { DEFAULT_PARAMS } from '../../../../src/core/report/paramsSchema.ts';
import { reportPrompts } from '../../../../src/core/report/reportPrompts.ts';
import { renderHtmlReport } from '../../../../src/core/report/renderHtmlReport.ts';
import { suiteHash } from '../../../../src/core/suite/suiteHash.ts';
import { validateSuite } from '../../../../src/core/suite/validateSuite.ts';
import type { Suite, ToolDefinition } from '../../../../src/core/suite/types.ts';
import { createReplayEngine } from '../../../../src/engines/replay/createReplayEngine.ts';
import { replayReport } from '../../../../src/engines/replay/replayReport.ts';
import { caseMessages } from '../../../../src/ui/results/caseMessages.ts';
import { caseKey } from '../../../../src/core/run/caseKey.ts';

function recordedOutputs(outputs: Record<string, string>) {
  return new Map(Object.entries(outputs).map(([id, output]) => [caseKey(id, 0), { output }]));
}

const tool = (name: string): ToolDefinition => ({
  name,
  description: `the ${name} tool`,
  parameters: { type: 'object', properties: { x: { type: 'integer' } }, required: ['x'] },
});

const suite: Suite = {
  id: 'per-case-tools',
  version: '1',
  description: '',
  system_prompt: 'Be brief.\n\n{tools}',
  tools: [tool('alpha'), tool('beta'), tool('gamma')],
  cases: [
    { id: 'all', category: 'c', prompt: 'call alpha with x=1', expected_calls: [{ name: 'alpha' }] },
    {
      id: 'two',
      category: 'c',
      prompt: 'call alpha with x=1',
      tools: ['gamma', 'alpha'],
      expected_calls: [{ name: 'alpha' }],
    },
    { id: 'none', category: 'c', prompt: 'hello', tools: [], expect_no_call: true },
  ],
};

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = validateSuite(input);
  return result.ok ? [] : result.issues;
}

describe('tools offered per case', () => {
  it('the suite validates, and a case offers only its tools, in its order, in the prompt and the request', () => {
    expect(validateSuite(suite).ok).toBe(true);
    const [all, two, none] = suite.cases.map((c) => caseRequest(suite, c, DEFAULT_PARAMS, 0));
    expect(all!.tools.map((t) => t.name)).toEqual(['alpha', 'beta', 'gamma']);
    expect(two!.tools.map((t) => t.name)).toEqual(['gamma', 'alpha']);
    const system = two!.messages[0]!.content;
    expect(system).toContain('"name": "gamma"');
    expect(system).not.toContain('"name": "beta"');
    expect(system.indexOf('"gamma"')).toBeLessThan(system.indexOf('"alpha"'));
    // No tools: no tools block at all, as Qwen's template does.
    expect(none!.tools).toEqual([]);
    expect(none!.messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
  });

  it('the offered set is part of the request hash and of the suite hash', async () => {
    const [all, two] = suite.cases.map((c) => caseRequest(suite, c, DEFAULT_PARAMS, 0));
    expect(await requestHash(all!)).not.toBe(await requestHash(two!));
    const reordered: Suite = {
      ...suite,
      cases: suite.cases.map((c) => (c.id === 'two' ? { ...c, tools: ['alpha', 'gamma'] } : c)),
    };
    expect(await suiteHash(reordered)).not.toBe(await suiteHash(suite));
  });

  it('names undeclared, repeated and not-offered tools with their place', () => {
    const bad = {
      ...suite,
      cases: [
        {
          id: 'x',
          category: 'c',
          prompt: 'p',
          tools: ['alpha', 'alpa', 'alpha'],
          expected_tools: ['beta'],
          expected_calls: [{ name: 'gamma' }],
        },
      ],
    };
    expect(issuesOf(bad)).toEqual([
      { path: 'cases[0].tools[1]', message: "tool 'alpa' is not declared in tools (did you mean 'alpha'?)" },
      { path: 'cases[0].tools[2]', message: "tool 'alpha' is offered twice (first at tools[0])" },
      {
        path: 'cases[0].expected_tools[0]',
        message: "tool 'beta' is not among the tools this case offers (tools: alpha, alpa, alpha)",
      },
      {
        path: 'cases[0].expected_calls[0].name',
        message: "tool 'gamma' is not among the tools this case offers (tools: alpha, alpa, alpha)",
      },
    ]);
    expect(issuesOf({ ...suite, cases: [{ id: 'x', category: 'c', prompt: 'p', tools: 'alpha' }] })).toEqual([
      { path: 'cases[0].tools', message: expect.stringMatching(/array of tool names/) as string },
    ]);
  });

  it('a report records each case against its own tools; its prompts and the HTML show them per case', async () => {
    const outputs = recordedOutputs({
      all: '<tool_call>{"name": "alpha", "arguments": {"x": 1}}</tool_call>',
      two: '<tool_call>{"name": "alpha", "arguments": {"x": 1}}</tool_call>',
      none: 'Hello!',
    });
    const { report } = await runSuite({ suite, engine: createReplayEngine(outputs), params: DEFAULT_PARAMS });
    expect(report.cases.map((c) => c.passed)).toEqual([true, true, true]);
    const [all, two] = report.cases;
    expect(all!.messagesHash).not.toBe(two!.messagesHash);
    const prompts = reportPrompts(report);
    expect(prompts.system).toContain('"name": "beta"');
    expect(prompts.systemById.get('two')).not.toContain('"name": "beta"');
    expect(prompts.systemById.get('none')).toBe('Be brief.');
    const messages = caseMessages(report).byId;
    expect(messages.get('two')?.[0]?.content).toBe(prompts.systemById.get('two'));
    expect(messages.get('all')?.[0]?.content).toBe(prompts.system);
    expect(renderHtmlReport(report)).toContain('System prompt sent with every case that offers all tools');

    // Editing the offered tools since the recording is named by the replay, not re-scored.
    const edited: Suite = {
      ...suite,
      cases: suite.cases.map((c) => (c.id === 'two' ? { ...c, tools: ['alpha'] } : c)),
    };
    const replay = await replayReport(report, edited);
    expect(replay).toEqual({ ok: false, changed: [{ id: 'two', sample: 0 }] });
  });
});
