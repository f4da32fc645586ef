// The device probe's result, probed once per page load and shared by every view.
import { probeDevice } from '../../device/probe.ts';
import type { DeviceInfo } from '../../device/types.ts';

class DeviceState {
  #info = $state.raw<DeviceInfo | null>(null);
  #probing: Promise<DeviceInfo> | undefined;

  get info(): DeviceInfo | null {
    return this.#info;
  }

  /** Probe (once); later calls return the same result. */
  probe(): Promise<DeviceInfo> {
    this.#probing ??= probeDevice().then((info) => (this.#info = info));
    return this.#probing;
  }

  /** Probe again (storage usage changes after downloads and deletions). */
  reprobe(): Promise<DeviceInfo> {
    this.#probing = undefined;
    return this.probe();
  }
}

export const device = new DeviceState();
