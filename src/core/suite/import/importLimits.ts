// Bounds on what an import reads: an untrusted file cannot make the page or the CLI parse for
// minutes or hold gigabytes. Generous next to the real data sets (HumanEval 164 lines of ~2 KB,
// MBPP 974 lines).

/** Most problems (non-blank lines) one JSONL file may hold. */
export const MAX_IMPORT_LINES = 20_000;

/** Longest line of a JSONL file, in characters. */
export const MAX_IMPORT_LINE_CHARS = 1_000_000;

/** Longest text field of a problem (prompt, tests, code): the suite format's own bound. */
export const MAX_IMPORT_FIELD_CHARS = 200_000;

/** Most tests in one MBPP problem's test list. */
export const MAX_IMPORT_TESTS = 1000;

/** Most issues listed; the rest are counted in one last issue. */
export const MAX_IMPORT_ISSUES = 100;

/** Largest decompressed size of a gzip file, in bytes (a small .gz can expand enormously). */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;
