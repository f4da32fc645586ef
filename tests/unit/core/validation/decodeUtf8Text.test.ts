import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8Text, firstInvalidUtf8Byte } from '../../../../src/core/validation/decodeUtf8Text.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8Text', () => {
  it('decodes UTF-8 and drops one leading byte-order mark', () => {
    expect(decodeUtf8Text(utf8('\uFEFF{"a": "é😀"}'))).toEqual({ ok: true, text: '{"a": "é😀"}' });
  });

  it('names the first bad byte and its offset', () => {
    expect(decodeUtf8Text(new Uint8Array([0x41, 0x42, 0xc3, 0x28]))).toEqual({
      ok: false,
      offset: 2,
      message: 'is not UTF-8 text: invalid byte 0xc3 at byte offset 2',
    });
    // Overlong form, surrogate, past U+10FFFF, cut off at the end.
    expect(firstInvalidUtf8Byte(new Uint8Array([0x61, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8Byte(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Byte(new Uint8Array([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Byte(new Uint8Array([0x61, 0x62, 0xe2, 0x82]))).toBe(2);
  });

  it('refuses UTF-16 by its byte-order mark', () => {
    expect(decodeUtf8Text(new Uint8Array([0xff, 0xfe, 0x7b, 0x00]))).toMatchObject({ ok: false, offset: 0 });
    expect(decodeUtf8Text(new Uint8Array([0xfe, 0xff, 0x00, 0x7b]))).toMatchObject({ ok: false, offset: 0 });
  });

  it('agrees with the strict WHATWG decoder on any bytes, and the offset is where decoding breaks', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        const offset = firstInvalidUtf8Byte(bytes);
        expect(offset === bytes.length).toBe(valid);
        if (!valid) {
          // Everything before the offset decodes.
          expect(() =>
            new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, offset)),
          ).not.toThrow();
        }
      }),
      { numRuns: 2000 },
    );
  });
});
