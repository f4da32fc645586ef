// The user's name for this device ("M2 Air, battery"), kept in localStorage, and the device block
// that every benchmark result and report records: the probe's facts, that label and the
// browser's full version.
import { browserVersion } from '../../throughput/browserVersion.ts';
import type { DeviceBlock } from '../../throughput/schema.ts';
import type { DeviceInfo } from '../../device/types.ts';
import { device } from './device.svelte.ts';

const STORAGE_KEY = 'tabeval.deviceLabel';
/** Longest label kept: a name, not a description. */
export const MAX_DEVICE_LABEL = 80;

function readStored(): string {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) ?? '';
  } catch {
    return ''; // storage blocked (privacy settings): the label lasts for the page only
  }
}

class DeviceLabelState {
  #label = $state(readStored());

  /** The label as typed (may be empty). */
  get label(): string {
    return this.#label;
  }

  set label(value: string) {
    this.#label = value.slice(0, MAX_DEVICE_LABEL);
    try {
      if (this.#label.trim() === '') globalThis.localStorage?.removeItem(STORAGE_KEY);
      else globalThis.localStorage?.setItem(STORAGE_KEY, this.#label);
    } catch {
      // Not persisted; still used for this page.
    }
  }
}

export const userDeviceLabel = new DeviceLabelState();

/**
 * The device block for a report's or a bench result's `device`: every field of the device probe
 * (`device.info`, unless another is given), plus `label` (the user's label, null when empty) and
 * `browserVersion` (e.g. "Google Chrome 131.0.6778.85", from the client hints' fullVersionList,
 * else the user agent). A plain, JSON-serialisable object (no Svelte proxy). Before the probe has
 * run it holds only the label and the browser version.
 */
export function deviceBlock(info: DeviceInfo | null = device.info): DeviceBlock {
  const label = userDeviceLabel.label.trim();
  const agent = info?.userAgent ?? (typeof navigator === 'undefined' ? '' : navigator.userAgent);
  const facts = info ? structuredClone(info) : null;
  return {
    ...facts,
    adapter: facts?.adapter ? { ...facts.adapter } : null,
    label: label === '' ? null : label,
    browserVersion: browserVersion(info?.uaHints ?? null, agent),
  };
}
