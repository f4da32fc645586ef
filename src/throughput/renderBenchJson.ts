import type { BenchResult } from './schema.ts';

/** The result as the JSON file that `parseBenchJson` reads back (indented, trailing newline). Pure. */
export function renderBenchJson(result: BenchResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
