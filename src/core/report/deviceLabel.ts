import type { DeviceBlock } from './schema.ts';

/**
 * The one name of a device, for headers, tables and the device comparison (where it is also the
 * key that groups results): the label the user gave it ("M2 Air, battery") when set, else the GPU
 * adapter's description (or vendor and architecture) and the platform when the browser said; a
 * software fallback adapter is always marked, as its speeds say nothing about the hardware.
 * `unknown device` without a device block (e.g. the CLI scored given outputs). Pure; never throws.
 */
export function deviceLabel(device: DeviceBlock | null): string {
  if (device === null) return 'unknown device';
  const adapter = device.adapter ?? null;
  const own = device.label?.trim() ?? '';
  let label = own;
  if (label === '') {
    const description = adapter?.description.trim() ?? '';
    const gpu = [adapter?.vendor.trim() ?? '', adapter?.architecture.trim() ?? '']
      .filter((s) => s !== '')
      .join(' ');
    const name = description !== '' ? description : gpu !== '' ? gpu : (adapter?.device.trim() ?? '');
    const hints = device.uaHints ?? null;
    const platform = [hints?.platform?.trim() ?? '', hints?.model?.trim() ?? '']
      .filter((s) => s !== '')
      .join(' ');
    label = [name !== '' ? name : 'unknown GPU', ...(platform !== '' ? [platform] : [])].join(', ');
  }
  if (adapter?.isFallbackAdapter === true) label += ' (software fallback adapter)';
  return label;
}
