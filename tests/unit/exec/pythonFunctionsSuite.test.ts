// Every test of the bundled suites has teeth, through the exec scorer and the real Node executor
// (Pyodide in a child process), exactly as `tabeval score` runs them: each case's reference reply
// passes, each plausible wrong reply fails with an assertion or a runtime error — never a syntax
// error, a timeout or a sandbox error, which would mean the fixture or the harness is broken
// rather than the solution wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecutionSpec, ExecutionStatus, Executor } from '../../../src/core/execution/schema.ts';
import { scoreExec } from '../../../src/core/scoring/scoreExec.ts';
import { createNodeExecutor } from '../../../src/exec/node/createNodeExecutor.ts';
import { loadBundledSuite, loadSolutions, SUITES_WITH_SOLUTIONS } from '../helpers/solutionFixtures.ts';

/** Statuses a wrong solution may end in: it ran and was judged, not broken before it could be. */
const WRONG_STATUSES: readonly ExecutionStatus[] = ['assertion_failed', 'runtime_error'];

interface Job {
  label: string;
  reply: string;
  spec: ExecutionSpec;
  expectPass: boolean;
}

function jobs(): Job[] {
  const all: Job[] = [];
  for (const suiteId of SUITES_WITH_SOLUTIONS) {
    const solutions = loadSolutions(suiteId);
    for (const suiteCase of loadBundledSuite(suiteId).cases) {
      const spec = suiteCase.execution;
      const found = solutions.get(suiteCase.id);
      if (spec === undefined || found === undefined) continue;
      const replies = [
        { label: `${suiteId}/${suiteCase.id} reference`, reply: found.reference, expectPass: true },
        ...found.wrong.map((reply, i) => ({
          label: `${suiteId}/${suiteCase.id} wrong[${i}]`,
          reply,
          expectPass: false,
        })),
      ];
      for (const { label, reply, expectPass } of replies) {
        all.push({ label, reply, spec, expectPass });
      }
    }
  }
  return all;
}

describe('bundled suites through the exec scorer and the Node executor', () => {
  let executor: Executor;

  beforeAll(async () => {
    executor = await createNodeExecutor();
    await executor.ready();
  }, 120_000);

  afterAll(async () => {
    await executor?.dispose();
  });

  it('passes every reference and fails every wrong solution with an assertion or runtime error', async () => {
    const problems: string[] = [];
    for (const job of jobs()) {
      const verdict = await scoreExec(job.spec, job.reply, { executor });
      const status = verdict.execution?.status ?? 'sandbox_error';
      const ok = job.expectPass ? status === 'passed' : WRONG_STATUSES.includes(status);
      if (!ok)
        problems.push(`${job.label}: ${status} (${verdict.execution?.message ?? verdict.reasons.join()})`);
      if (job.expectPass && verdict.execution?.choice !== 'fence_entry_point') {
        problems.push(`${job.label}: the solution was found as ${verdict.execution?.choice}`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
