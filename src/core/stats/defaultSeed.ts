/**
 * The bootstrap seed used when the caller gives none, fixed so the same run always yields the same
 * intervals in every view, export and re-scoring.
 */
export const DEFAULT_SEED = 0x7ab3_e7a1;
