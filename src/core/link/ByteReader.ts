/** Thrown by {@link ByteReader} when the data ends early or holds an impossible value; caught where links are decoded. */
export class LinkDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LinkDataError';
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Reads what {@link ByteWriter} wrote, checking every length against the bytes that are left. */
export class ByteReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  #at = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.#bytes.length - this.#at;
  }

  #need(count: number, what: string): void {
    if (count > this.remaining) throw new LinkDataError(`the data ends inside ${what}`);
  }

  u8(what: string): number {
    this.#need(1, what);
    const value = this.#bytes[this.#at]!;
    this.#at += 1;
    return value;
  }

  varint(what: string): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 8; i += 1) {
      const byte = this.u8(what);
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) {
        if (!Number.isSafeInteger(value)) break;
        return value;
      }
      scale *= 0x80;
    }
    throw new LinkDataError(`${what} is not a count`);
  }

  f64(what: string): number {
    this.#need(8, what);
    const value = this.#view.getFloat64(this.#at, true);
    this.#at += 8;
    return value;
  }

  bytes(count: number, what: string): Uint8Array {
    this.#need(count, what);
    const value = this.#bytes.subarray(this.#at, this.#at + count);
    this.#at += count;
    return value;
  }

  string(what: string): string {
    const length = this.varint(what);
    const utf8 = this.bytes(length, what);
    try {
      return decoder.decode(utf8);
    } catch {
      throw new LinkDataError(`${what} is not UTF-8 text`);
    }
  }
}
