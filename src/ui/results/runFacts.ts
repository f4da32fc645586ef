import type { Report } from '../../core/report/schema.ts';

/** One labelled fact of the report header. */
export interface Fact {
  label: string;
  value: string;
}

const PARAMS: readonly { key: string; label: string }[] = [
  { key: 'temperature', label: 'temperature' },
  { key: 'top_p', label: 'top_p' },
  { key: 'max_tokens', label: 'max_tokens' },
  { key: 'seed', label: 'seed' },
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A loose value as short text: scalars as they are, anything else as (truncated) JSON. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

/** The sampling parameters worth a glance, and the tool-call mode; parameters not recorded are left out. */
export function paramFacts(report: Pick<Report, 'params' | 'toolCallMode'>): Fact[] {
  const params = report.params ?? {};
  const facts = PARAMS.filter(({ key }) => Object.hasOwn(params, key)).map(({ key, label }) => ({
    label,
    value: describeValue(params[key]),
  }));
  const mode = report.toolCallMode ?? params['tool_call_mode'];
  if (mode !== undefined && mode !== null) facts.push({ label: 'tool calls', value: describeValue(mode) });
  return facts;
}

/**
 * The GPU adapter of a report's device record: vendor, architecture and whether it is a software
 * fallback (its speed figures then say nothing about the hardware). The record is loose (any JSON
 * object), so every field is checked before use; fields that are missing or not text are left out.
 */
export function deviceFacts(device: Report['device']): Fact[] {
  const adapter = device?.['adapter'];
  if (!isRecord(adapter)) return [];
  const facts: Fact[] = [];
  for (const key of ['vendor', 'architecture'] as const) {
    const value = adapter[key];
    if (typeof value === 'string' && value !== '') facts.push({ label: key, value });
  }
  if (typeof adapter['isFallbackAdapter'] === 'boolean') {
    facts.push({
      label: 'fallback adapter',
      value: adapter['isFallbackAdapter'] ? 'yes (software; speeds are not the GPU’s)' : 'no',
    });
  }
  return facts;
}
