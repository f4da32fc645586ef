import type { Report } from './schema.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * A short plain-text name for the device of a report, for column headers and run headers: the
 * label the user gave it (when set), then the GPU
 * adapter's vendor and architecture (or its description), the platform when the browser said, and
 * a warning for a software fallback adapter (its speeds say nothing about the hardware).
 * `unknown device` when the report has no device record (e.g. the CLI scored given outputs).
 * The record is loose JSON: every field is checked before use. Pure; never throws.
 */
export function deviceLabel(device: Report['device']): string {
  if (device === null) return 'unknown device';
  // The label a person gave the device ("M2 Air, battery") names it best; the adapter follows.
  const own = text(device['label']);
  const adapter = isRecord(device['adapter']) ? device['adapter'] : {};
  const description = text(adapter['description']);
  const gpu = [text(adapter['vendor']), text(adapter['architecture'])].filter((s) => s !== '').join(' ');
  const name = description !== '' ? description : gpu !== '' ? gpu : text(adapter['device']);
  const hints = isRecord(device['uaHints']) ? device['uaHints'] : {};
  const platform = [text(hints['platform']), text(hints['model'])].filter((s) => s !== '').join(' ');
  const parts = [name !== '' ? name : 'unknown GPU'];
  if (platform !== '') parts.push(platform);
  let label = parts.join(', ');
  if (adapter['isFallbackAdapter'] === true) label += ' (software fallback adapter)';
  if (own !== '') label = `${own} (${label})`;
  return label;
}
