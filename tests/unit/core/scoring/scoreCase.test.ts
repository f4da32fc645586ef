import { describe, expect, it } from 'vitest';
import { scoreCase } from '../../../../src/core/scoring/scoreCase.ts';
import type { Suite, SuiteCase } from '../../../../src/core/suite/types.ts';
import { TOOLS } from './fixtures.ts';

const readHosts: SuiteCase = {
  id: 'read-hosts',
  category: 'tool_calling',
  prompt: 'Read /etc/hosts.',
  expected_tools: ['read_file'],
  expected_keywords: ['localhost'],
  expected_calls: [{ name: 'read_file', arguments: { path: { equals: '/etc/hosts' } } }],
};
const arithmetic: SuiteCase = {
  id: 'sum',
  category: 'reasoning',
  prompt: 'What is 40 + 2? End your reply with a line `Answer: <value>`.',
  answer: { equals: '42' },
};
const search: SuiteCase = {
  id: 'search',
  category: 'tool_calling',
  prompt: 'Search for main, at most 42 hits.',
  expected_calls: [{ name: 'search', arguments: { query: { equals: 'main' }, limit: { equals: 42 } } }],
};
const chat: SuiteCase = { id: 'chat', category: 'chat', prompt: 'Hi', expect_no_call: true };
const SUITE: Suite = {
  id: 's',
  version: '1',
  description: 'd',
  system_prompt: 'p',
  headline: 'punie',
  tools: TOOLS,
  cases: [readHosts, arithmetic, search, chat],
};

describe('scoreCase', () => {
  it('runs Punie always, and every scorer the expectations call for', async () => {
    const scored = await scoreCase(
      SUITE,
      readHosts,
      '<tool_call>{"name": "read_file", "arguments": {"path": "/etc/hosts"}}</tool_call>\nlocalhost is there.',
    );
    expect(scored.verdicts.map((v) => v.scorer)).toEqual(['punie', 'calls', 'keywords']);
    expect(scored).toMatchObject({
      id: 'read-hosts',
      category: 'tool_calling',
      score: 1,
      passed: true,
      reasons: [],
    });
    expect(scored.parsed.calls).toHaveLength(1);
    expect(scored.error).toBeUndefined();
    expect((await scoreCase(SUITE, arithmetic, 'Answer: 42')).verdicts.map((v) => v.scorer)).toEqual([
      'punie',
      'answer',
    ]);
  });

  it('prefixes every failing verdict’s reasons with its kind; the headline stays Punie’s', async () => {
    const scored = await scoreCase(
      SUITE,
      readHosts,
      '<tool_call>{"name": "read_file", "arguments": {}}</tool_call> localhost',
    );
    expect(scored.score).toBe(1);
    expect(scored.passed).toBe(false);
    expect(scored.reasons).toEqual(['calls:missing_required:path']);
  });

  it('converts XML-format arguments end to end', async () => {
    const xml =
      '<tool_call><function=search><parameter=query>main</parameter><parameter=limit>42</parameter></function></tool_call>';
    const scored = await scoreCase(SUITE, search, xml);
    expect(scored.parsed.calls[0]?.format).toBe('tagged-xml');
    expect(scored.passed).toBe(true);
    const bad = await scoreCase(SUITE, search, xml.replace('>42<', '>forty-two<'));
    expect(bad.reasons).toEqual(['calls:type:limit']);
  });

  it('answer and expect_no_call reasons come through prefixed', async () => {
    expect((await scoreCase(SUITE, arithmetic, 'Answer: 41')).reasons).toEqual(['answer:answer_mismatch']);
    expect((await scoreCase(SUITE, arithmetic, '')).reasons).toEqual(['answer:no_answer']);
    expect((await scoreCase(SUITE, chat, 'Hello!')).passed).toBe(true);
    expect(
      (await scoreCase(SUITE, chat, '<tool_call>{"name": "read_file", "arguments": {}}</tool_call>')).reasons,
    ).toEqual(['calls:call_not_expected']);
  });

  it('output null is the error "no output": score 0 and every verdict 0', async () => {
    const scored = await scoreCase(SUITE, readHosts, null);
    expect(scored.score).toBe(0);
    expect(scored.passed).toBe(false);
    expect(scored.error).toBe('no output');
    expect(scored.verdicts).toEqual([
      { scorer: 'punie', score: 0, passed: false, reasons: ['error'] },
      { scorer: 'calls', score: 0, passed: false, reasons: ['error'] },
      { scorer: 'keywords', score: 0, passed: false, reasons: ['error'] },
    ]);
    expect(scored.reasons).toEqual(['punie:error', 'calls:error', 'keywords:error', 'error:no output']);
    expect(scored.parsed).toEqual({ text: '', calls: [], nearMisses: [] });
  });

  it('an engine error scores 0 even with a good (partial) output, which is still parsed', async () => {
    const output =
      '<tool_call>{"name": "read_file", "arguments": {"path": "/etc/hosts"}}</tool_call> localhost';
    const scored = await scoreCase(SUITE, readHosts, output, { error: 'timeout' });
    expect(scored.score).toBe(0);
    expect(scored.passed).toBe(false);
    expect(scored.error).toBe('timeout');
    expect(scored.reasons.at(-1)).toBe('error:timeout');
    expect(scored.parsed.calls).toHaveLength(1);
  });

  it("scores 1 or 0 for passed or failed under the pass-rate headline, whatever Punie's score", async () => {
    const passRate: Suite = { ...SUITE, headline: 'pass_rate' };
    const partial = '<tool_call>{"name": "read_file", "arguments": {}}</tool_call> localhost';
    expect(await scoreCase(passRate, readHosts, partial)).toMatchObject({ score: 0, passed: false });
    expect((await scoreCase(SUITE, readHosts, partial)).score).toBe(1);
    const { headline: _rule, ...unnamed } = passRate;
    expect((await scoreCase(unnamed, readHosts, partial)).score).toBe(0);
  });

  it('a case with no expectations passes with Punie only', async () => {
    const open: SuiteCase = { id: 'o', category: 'c', prompt: 'p' };
    expect(await scoreCase(SUITE, open, 'whatever')).toMatchObject({ score: 1, passed: true, reasons: [] });
  });
});
