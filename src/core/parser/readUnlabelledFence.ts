import { unlabelledFenceDetail } from './nearMissDetail.ts';
import type { UnlabelledFenceToken } from './tokens.ts';
import type { NearMiss } from './types.ts';

/** The `unlabelled-fence` near miss for a recognised fence, spanning the fence. Never throws. */
export function readUnlabelledFence(token: UnlabelledFenceToken): NearMiss {
  const usesToolKey = typeof token.value['name'] !== 'string';
  const detail = unlabelledFenceDetail(token.label, usesToolKey);
  return { kind: 'unlabelled-fence', start: token.start, end: token.end, detail };
}
