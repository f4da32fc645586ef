// Suite regexes: the thirteen classic catastrophic patterns on JavaScript's RegExp (backtracking,
// what tabeval used before) against the suite dialect's linear-time engine (re2js) on 10,000
// characters. RegExp is probed on growing inputs until one call takes over 150 ms, so the bench
// ends. Run alone with `node --import tsx perf/regex.ts`.
import { pathToFileURL } from 'node:url';
import { compileSuiteRegex } from '../src/core/suite/suiteRegex.ts';
import { CLASSIC_PATTERNS, type ClassicPattern } from '../tests/fixtures/redos/classicPatterns.ts';

const REGEXP_BUDGET_MS = 150;

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

function probeRegExp(p: ClassicPattern): string {
  const native = new RegExp(p.pattern, 'u');
  let length = 8;
  let last = { length: 0, ms: 0 };
  while (length <= 10_000) {
    const input = p.build(length);
    const ms = time(() => native.test(input));
    last = { length, ms };
    if (ms > REGEXP_BUDGET_MS) break;
    // Exponential blow-ups double per character: step by two up to 200, then double.
    length = length < 200 ? length + 2 : length * 2;
  }
  const verdict = last.ms > REGEXP_BUDGET_MS ? 'stopped' : 'fine';
  return `${last.ms.toFixed(1)} ms at ${last.length} chars (${verdict})`;
}

/** Prints, per pattern, RegExp's time at the longest probed input and re2js's at 10,000 chars. */
export async function benchRegex(): Promise<void> {
  let worst = 0;
  for (const p of CLASSIC_PATTERNS) {
    const compiled = compileSuiteRegex(p.pattern);
    if (!compiled.ok) throw new Error(`${p.pattern}: ${compiled.error}`);
    const ms = time(() => compiled.regex.test(p.input));
    worst = Math.max(worst, ms);
    console.log(
      `${p.name.padEnd(26)} RegExp ${probeRegExp(p).padEnd(36)} re2js 10,000 chars ${ms.toFixed(2)} ms`,
    );
  }
  console.log(`worst re2js time on 10,000 chars: ${worst.toFixed(2)} ms (target: milliseconds)`);
  await Promise.resolve();
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void benchRegex();
}
