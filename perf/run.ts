// `npm run bench`: prints figures and the targets the issues name. Never asserted in tests.
import { benchParser } from './parser.ts';
import { benchScoring } from './scoring.ts';
import { benchRunner } from './runner.ts';
import { benchReport } from './report.ts';
import { benchExec } from './exec.ts';
import { benchRegex } from './regex.ts';
import { benchEndpoint } from './endpoint.ts';
import { benchBundle } from './bundle.ts';
import { benchApp } from './app.ts';
import { benchScale } from './scale.ts';

const benches: [string, () => Promise<void>][] = [
  ['parser', benchParser],
  ['scoring', benchScoring],
  ['runner', benchRunner],
  ['report', benchReport],
  ['exec', benchExec],
  ['regex', benchRegex],
  ['endpoint', benchEndpoint],
  ['bundle', benchBundle],
  ['app', benchApp],
  ['scale', benchScale],
];

const only = process.argv[2];
for (const [name, run] of benches) {
  if (only && only !== name) continue;
  console.log(`\n== ${name} ==`);
  await run();
}
