const encoder = new TextEncoder();

/** Appends the primitive values of the results-link format to a growing byte buffer. */
export class ByteWriter {
  #bytes = new Uint8Array(256);
  #length = 0;

  #reserve(count: number): void {
    if (this.#length + count <= this.#bytes.length) return;
    const grown = new Uint8Array(Math.max(this.#bytes.length * 2, this.#length + count));
    grown.set(this.#bytes.subarray(0, this.#length));
    this.#bytes = grown;
  }

  u8(value: number): void {
    this.#reserve(1);
    this.#bytes[this.#length] = value & 0xff;
    this.#length += 1;
  }

  /** An unsigned integer (up to 2^53 − 1) as LEB128: 1 byte below 128. */
  varint(value: number): void {
    let rest = value;
    while (rest >= 0x80) {
      this.u8((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    this.u8(rest);
  }

  /** A double, exactly (little-endian IEEE 754, 8 bytes). */
  f64(value: number): void {
    this.#reserve(8);
    new DataView(this.#bytes.buffer).setFloat64(this.#length, value, true);
    this.#length += 8;
  }

  bytes(values: Uint8Array): void {
    this.#reserve(values.length);
    this.#bytes.set(values, this.#length);
    this.#length += values.length;
  }

  /** UTF-8 bytes after their count. */
  string(value: string): void {
    const utf8 = encoder.encode(value);
    this.varint(utf8.length);
    this.bytes(utf8);
  }

  /** What was written so far. */
  finish(): Uint8Array {
    return this.#bytes.slice(0, this.#length);
  }
}
