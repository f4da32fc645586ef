import { unclosedTagDetail } from './nearMissDetail.ts';
import type { UnclosedTagToken } from './tokens.ts';
import type { NearMiss } from './types.ts';

/** The `unclosed-tag` near miss for a `<tool_call>` never closed, spanning the opening tag. Never throws. */
export function readUnclosedTag(token: UnclosedTagToken): NearMiss {
  return { kind: 'unclosed-tag', start: token.start, end: token.end, detail: unclosedTagDetail() };
}
