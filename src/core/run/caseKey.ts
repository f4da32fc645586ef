/**
 * The key of one case record: its case id and sample index. Case ids are untrusted text, so keys
 * are only ever used in `Map`s and `Set`s, never as object properties.
 */
export function caseKey(id: string, sample: number): string {
  return JSON.stringify([id, sample]);
}
