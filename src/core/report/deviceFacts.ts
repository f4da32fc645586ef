import { formatBinaryBytes, formatBytes } from '../format/formatBytes.ts';
import { formatCount, formatTimestamp } from '../format/formatFigures.ts';
import type { Fact } from './flattenFacts.ts';
import type { DeviceBlock } from './schema.ts';

/** The adapter limits a reader of a report cares about, in the order shown, with their words. */
const KEY_LIMITS: readonly (readonly [string, string])[] = [
  ['maxBufferSize', 'largest GPU buffer'],
  ['maxStorageBufferBindingSize', 'largest storage buffer binding'],
  ['maxComputeWorkgroupStorageSize', 'workgroup memory'],
];

const WEBGPU_WORDS: Record<string, string> = {
  available: 'available',
  'no-api': 'not offered by this browser (no navigator.gpu)',
  'no-adapter': 'offered, but the browser found no GPU adapter',
  error: 'asking for a GPU adapter failed',
};

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

function joinWords(parts: readonly (string | null | undefined)[], separator = ' '): string {
  return parts
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join(separator);
}

/**
 * A recorded device in plain words, for people reading a report: the label, the GPU and whether it
 * is a software adapter, WebGPU's state, shader-f16, the key memory limits, CPU cores, memory,
 * platform, browser, storage and when it was probed. Every other adapter limit is in
 * {@link deviceLimitFacts}. Only what was recorded is listed. Plain text, to be escaped by the
 * renderer. Pure; never throws.
 */
export function deviceFacts(device: DeviceBlock): Fact[] {
  const facts: Fact[] = [];
  const add = (label: string, value: string) => {
    if (value !== '') facts.push({ label, value });
  };
  if (device.label !== null) add('Label', device.label);
  const adapter = device.adapter ?? null;
  if (adapter !== null) {
    const gpu =
      joinWords([adapter.description]) || joinWords([adapter.vendor, adapter.architecture, adapter.device]);
    const detail =
      adapter.description.trim() === '' ? '' : joinWords([adapter.vendor, adapter.architecture], ', ');
    add('GPU', `${gpu || 'not named by the browser'}${detail === '' ? '' : ` (${detail})`}`);
    add(
      'Software adapter',
      adapter.isFallbackAdapter
        ? 'yes: a software fallback (e.g. SwiftShader), so scores are valid but speeds say nothing of the hardware'
        : 'no: a hardware GPU',
    );
  }
  if (device.webgpu !== undefined) {
    const words = WEBGPU_WORDS[device.webgpu] ?? device.webgpu;
    add('WebGPU', device.webgpuError ? `${words}: ${device.webgpuError}` : words);
  }
  if (device.features !== undefined) {
    add(
      '16-bit shaders (shader-f16)',
      device.features.includes('shader-f16') ? 'yes: f16 builds can run' : 'no: only f32 builds can run',
    );
    add('GPU features', device.features.length === 0 ? 'none reported' : device.features.join(', '));
  }
  const limits = device.limits ?? {};
  for (const [name, words] of KEY_LIMITS) {
    const value = Object.hasOwn(limits, name) ? limits[name] : undefined;
    if (value !== undefined && value >= 0) add(capitalise(words), formatBinaryBytes(value));
  }
  if (device.cores !== undefined)
    add('CPU cores', device.cores === null ? 'not reported' : formatCount(device.cores));
  if (device.deviceMemoryGB !== undefined) {
    add(
      'Memory',
      device.deviceMemoryGB === null
        ? 'not reported'
        : `about ${device.deviceMemoryGB} GB (as the browser reports it: rounded and capped)`,
    );
  }
  const hints = device.uaHints ?? null;
  if (hints !== null) {
    const bits = hints.bitness ? `${hints.bitness}-bit` : null;
    const platform = joinWords([hints.platform, hints.platformVersion]);
    const machine = joinWords([hints.architecture, bits, hints.model], ', ');
    add('Platform', `${platform || 'not reported'}${machine === '' ? '' : ` (${machine})`}`);
    if (hints.mobile !== null) add('Mobile', yesNo(hints.mobile));
  }
  const browser =
    device.browserVersion ??
    (hints !== null && hints.fullVersionList.length > 0
      ? hints.fullVersionList.map((b) => `${b.brand} ${b.version}`).join(', ')
      : null);
  if (browser !== null) add('Browser', browser);
  if (device.storage !== undefined && device.storage !== null) {
    const s = device.storage;
    const persisted = s.persisted === null ? '' : s.persisted ? ', kept when space runs low' : '';
    add(
      'Storage for this site',
      `${formatBytes(s.usageBytes)} used of ${formatBytes(s.quotaBytes)}${persisted}`,
    );
  }
  if (device.secureContext !== undefined)
    add('Secure context (https or localhost)', yesNo(device.secureContext));
  if (device.userAgent !== undefined) add('User agent', device.userAgent);
  if (device.probedAt !== undefined) add('Probed', formatTimestamp(device.probedAt));
  return facts;
}

/** Every adapter limit recorded, by WebGPU's name, sorted, for the folded detail of a report. */
export function deviceLimitFacts(device: DeviceBlock): Fact[] {
  const limits = device.limits ?? {};
  return Object.keys(limits)
    .sort()
    .map((name) => ({ label: name, value: formatCount(limits[name]) }));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
