// A ceiling on the interpreter's WebAssembly memory. Installed before Pyodide loads: a growth past
// the ceiling fails the way a full address space does, so CPython's allocator gets NULL and the
// executed code sees MemoryError (a verdict) instead of the tab or the machine running out.
const WASM_PAGE_BYTES = 65536;

/** Default ceiling of the interpreter's memory, in MiB. */
export const DEFAULT_MEMORY_LIMIT_MB = 1024;

/**
 * Makes `WebAssembly.Memory.prototype.grow` refuse to grow any memory past `limitMb` MiB (it throws
 * a RangeError, as the engine does at its own limit). Call once per realm, before loading Pyodide.
 */
export function installWasmMemoryCap(limitMb: number): void {
  const proto = WebAssembly.Memory.prototype;
  const grow = proto.grow;
  const bufferOf = Object.getOwnPropertyDescriptor(proto, 'buffer')?.get;
  const limitBytes = limitMb * 1024 * 1024;
  Object.defineProperty(proto, 'grow', {
    configurable: false,
    writable: false,
    value: function cappedGrow(this: WebAssembly.Memory, pages: number): number {
      const current = bufferOf ? (Reflect.apply(bufferOf, this, []) as ArrayBuffer).byteLength : 0;
      if (current + pages * WASM_PAGE_BYTES > limitBytes) {
        throw new RangeError(`WebAssembly memory limit of ${limitMb} MiB reached`);
      }
      return Reflect.apply(grow, this, [pages]) as number;
    },
  });
}
