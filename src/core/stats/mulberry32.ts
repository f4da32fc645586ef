/**
 * A small, fast seeded PRNG (mulberry32, 32-bit state): returns a function giving uniform numbers in
 * [0, 1). The same seed always gives the same sequence, on every JavaScript engine, which is what
 * makes bootstrap intervals reproducible. Not for cryptography. The seed is taken modulo 2³².
 */
export function mulberry32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
