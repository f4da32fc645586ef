// Messages between a controller (the page, or the CLI's parent process) and the runtime that runs
// Python (the worker, or the child). Every reply carries the request's id and a per-run nonce that
// never enters the interpreter; the controller validates replies and drops any that do not match.
import * as v from 'valibot';
import { HarnessReportSchema, type HarnessJob } from '../core/execution/harness.ts';

/** Controller → runtime: run one job. */
export interface JobRequest {
  type: 'job';
  id: number;
  nonce: string;
  job: HarnessJob;
}

/** Runtime → controller. `ready` once Pyodide and the harness are in place; `failed` if loading failed. */
export const RuntimeMessageSchema = v.variant('type', [
  v.object({ type: v.literal('ready'), loadMs: v.number() }),
  v.object({ type: v.literal('failed'), detail: v.pipe(v.string(), v.maxLength(20_000)) }),
  v.object({
    type: v.literal('result'),
    id: v.number(),
    nonce: v.pipe(v.string(), v.maxLength(100)),
    report: HarnessReportSchema,
  }),
]);
export type RuntimeMessage = v.InferOutput<typeof RuntimeMessageSchema>;

/** A fresh 128-bit nonce in hex. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
