// The shape check a runtime applies to what arrives on its channel before running it.
import type { JobRequest } from './protocol.ts';

/** Whether `message` is a well-formed job request (strings where strings belong). */
export function isJobRequest(message: unknown): message is JobRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<JobRequest>;
  const job = m.job as Partial<JobRequest['job']> | undefined;
  return (
    m.type === 'job' &&
    typeof m.id === 'number' &&
    typeof m.nonce === 'string' &&
    typeof job === 'object' &&
    job !== null &&
    typeof job.code === 'string' &&
    typeof job.tests === 'string' &&
    (job.setup === undefined || typeof job.setup === 'string') &&
    (job.entryPoint === undefined || typeof job.entryPoint === 'string')
  );
}
