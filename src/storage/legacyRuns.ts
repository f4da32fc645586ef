// Runs and case records as tabeval 0.1 kept them (report format 1, a flat run record), read into
// the current shapes. Records of this version pass through as they are.
import * as v from 'valibot';
import type { WebLlmModelRef } from '../core/engine.ts';
import { validateReport } from '../core/report/parseReportJson.ts';
import type { ReportCase } from '../core/report/schema.ts';
import { ReportCaseV1Schema } from '../core/report/schemaV1.ts';
import { upgradeCaseV1, upgradeDeviceV1, upgradeParamsV1 } from '../core/report/upgradeReport.ts';
import type { RunRecord } from '../core/run/runStore.ts';
import { DEFAULT_HEADLINE_RULE, type HeadlineRule } from '../core/scoring/headline.ts';
import { validateSuite } from '../core/suite/validateSuite.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A stored run in the current shape, or null when it is neither current nor a readable 0.1 run. */
export function fromStoredRun(raw: unknown): RunRecord | null {
  if (!isRecord(raw)) return null;
  if (isRecord(raw['plan'])) return raw as unknown as RunRecord;
  const suite = validateSuite(raw['suite']);
  if (!suite.ok || typeof raw['id'] !== 'string') return null;
  const validated = raw['report'] === null ? null : validateReport(raw['report']);
  const report = validated?.ok ? validated.value : null;
  const model = raw['model'];
  const status = raw['status'];
  const modelRef: WebLlmModelRef | null =
    isRecord(model) && typeof model['modelId'] === 'string'
      ? ({ ...model, engine: 'webllm' } as WebLlmModelRef)
      : null;
  // A 0.1 replay kept its outputs apart from a report; once complete its report has them all.
  const outputs: RunRecord['plan']['outputs'] | null =
    modelRef !== null
      ? { kind: 'live', model: modelRef }
      : report !== null
        ? { kind: 'replay', report, pace: 'instant' }
        : null;
  if (outputs === null) return null;
  return {
    id: raw['id'],
    createdAt: String(raw['createdAt']),
    updatedAt: String(raw['updatedAt']),
    status: status === 'complete' || status === 'stopped' || status === 'running' ? status : 'stopped',
    plan: {
      suite: suite.value,
      params: upgradeParamsV1(isRecord(raw['params']) ? raw['params'] : null, undefined),
      device: upgradeDeviceV1(isRecord(raw['device']) ? raw['device'] : null),
      outputs,
      caseTimeoutMs: modelRef !== null ? 10 * 60 * 1000 : null,
    },
    report,
    error: null,
    labels: {
      model: typeof raw['modelLabel'] === 'string' ? raw['modelLabel'] : 'unknown model',
      device: typeof raw['deviceLabel'] === 'string' ? raw['deviceLabel'] : 'unknown device',
    },
  };
}

/** A stored case record in the current shape (0.1 records gain sample 0), or null when unreadable. */
export function fromStoredCase(raw: unknown, headline: HeadlineRule | undefined): ReportCase | null {
  if (!isRecord(raw)) return null;
  if (typeof raw['sample'] === 'number') return raw as unknown as ReportCase;
  const old = v.safeParse(ReportCaseV1Schema, raw);
  return old.success ? upgradeCaseV1(old.output, headline ?? DEFAULT_HEADLINE_RULE) : null;
}
