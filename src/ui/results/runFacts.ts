import type { Report } from '../../core/report/schema.ts';

/** One labelled fact of the report header. */
export interface Fact {
  label: string;
  value: string;
}

/** The sampling parameters worth a glance, the samples per case when more than one, and the tool-call mode. */
export function paramFacts(report: Pick<Report, 'params'>): Fact[] {
  const p = report.params;
  const facts: Fact[] = [
    { label: 'temperature', value: String(p.temperature) },
    { label: 'top_p', value: String(p.top_p) },
    { label: 'max_tokens', value: String(p.max_tokens) },
    { label: 'seed', value: String(p.seed) },
  ];
  if (p.samples > 1) facts.push({ label: 'samples', value: String(p.samples) });
  if (p.stop !== undefined && p.stop.length > 0) facts.push({ label: 'stop', value: JSON.stringify(p.stop) });
  facts.push({ label: 'tool calls', value: p.tool_call_mode });
  return facts;
}

/**
 * The GPU adapter of a report's device block: vendor, architecture and whether it is a software
 * fallback (its speed figures then say nothing about the hardware); empty fields are left out.
 */
export function deviceFacts(device: Report['device']): Fact[] {
  const adapter = device?.adapter ?? null;
  if (adapter === null) return [];
  const facts: Fact[] = [];
  if (adapter.vendor !== '') facts.push({ label: 'vendor', value: adapter.vendor });
  if (adapter.architecture !== '') facts.push({ label: 'architecture', value: adapter.architecture });
  facts.push({
    label: 'fallback adapter',
    value: adapter.isFallbackAdapter ? 'yes (software; speeds are not the GPU’s)' : 'no',
  });
  return facts;
}
