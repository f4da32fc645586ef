// Digests are part of the report format (output, request, suite and template hashes): the
// synchronous SHA-256 must give exactly the digests Web Crypto gave, for every string.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../../src/core/hash/sha256Hex.ts';
import { sha256HexOfParts } from '../../../../src/core/hash/sha256HexOfParts.ts';

// Node's own SHA-256 of the same UTF-8 bytes (Buffer.from encodes a lone surrogate as U+FFFD, as
// TextEncoder does), and Web Crypto's digest, the implementation reports were written with.
const nodeSha256 = (text: string) => createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex');
const webCryptoSha256 = async (text: string) =>
  Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    ['a'.repeat(1_000_000), 'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0'],
  ])('the FIPS 180-2 vector of %#', (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it('hashes UTF-8 bytes, a lone surrogate as U+FFFD', () => {
    expect(sha256Hex('é')).toBe(nodeSha256('é'));
    expect(sha256Hex('\uD800')).toBe(sha256Hex('\uFFFD'));
    expect(sha256Hex('\uD83D\uDE00')).toBe(nodeSha256('😀'));
  });

  it('gives Web Crypto’s digest for any string', async () => {
    // Strings in batches: one Web Crypto digest at a time is slow under the test runner.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.string({ unit: 'binary', maxLength: 300 }), { minLength: 1, maxLength: 25 }),
        async (texts) => {
          const expected = await Promise.all(texts.map(webCryptoSha256));
          expect(texts.map(sha256Hex)).toEqual(expected);
        },
      ),
      { numRuns: 20 },
    );
  }, 30_000);
});

describe('sha256HexOfParts', () => {
  it('is the digest of the joined text, for any parts and any reuse of a prefix', () => {
    // Few distinct prefixes, so they repeat (the kept state is used) and more than the 16 kept.
    const prefixes = fc.array(fc.string({ unit: 'binary', maxLength: 120 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(
        prefixes,
        fc.array(fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 80 })), { maxLength: 40 }),
        (heads, uses) => {
          for (const [pick, rest] of uses) {
            const prefix = heads[pick % heads.length]!;
            expect(sha256HexOfParts(prefix, rest)).toBe(nodeSha256(prefix + rest));
          }
        },
      ),
      { numRuns: 100 },
    );
  }, 30_000);

  it('a surrogate pair split between prefix and rest is hashed as the pair', () => {
    expect(sha256HexOfParts('x\uD83D', '\uDE00')).toBe(nodeSha256('x😀'));
    expect(sha256HexOfParts('x\uD83D', '\uDE00')).not.toBe(sha256Hex('x\uFFFD\uFFFD'));
  });
});
