import { closeOutput, err, out, UsageError } from './io.ts';
import { runParse, parseHelp } from './commands/parse.ts';
import { runSuiteCommand, suiteHelp } from './commands/suite.ts';
import { runScore, scoreHelp } from './commands/score.ts';
import { runRescore, rescoreHelp } from './commands/rescore.ts';
import { runReport, reportHelp } from './commands/report.ts';
import { runCompare, compareHelp } from './commands/compare.ts';
import { runRun, runHelp } from './commands/run.ts';

interface Command {
  summary: string;
  help: string;
  run: (args: string[]) => Promise<number>;
}

const commands: Record<string, Command> = {
  parse: { summary: 'print the tool calls in a model output as JSON', help: parseHelp, run: runParse },
  suite: {
    summary: 'validate a suite file, print its hash, or import HumanEval/MBPP/BFCL',
    help: suiteHelp,
    run: runSuiteCommand,
  },
  score: { summary: 'score model outputs against a suite', help: scoreHelp, run: runScore },
  rescore: {
    summary: "re-score a report's outputs with today's parser and scorers",
    help: rescoreHelp,
    run: runRescore,
  },
  report: { summary: 'render a report as HTML, CSV or Markdown', help: reportHelp, run: runReport },
  compare: { summary: 'compare reports side by side (Markdown)', help: compareHelp, run: runCompare },
  run: {
    summary: 'run a suite against an OpenAI-compatible server and write the report (gates for CI)',
    help: runHelp,
    run: runRun,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(commands).map((k) => k.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `tabeval: evals of small coding models, in the browser tab or here.

Usage: tabeval <command> [options]

Commands:
${lines.join('\n')}

Run "tabeval <command> --help" for a command's options.`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    err(`tabeval: unknown command "${name}". Run "tabeval --help" for the list.`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    out(command.help);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`tabeval ${name}: ${e.message}`);
      return 2;
    }
    throw e;
  }
}

// A reader that stops early (`tabeval suite validate s.json | head -1`) closes the pipe: the rest
// of the output is dropped and the command still ends with its own exit code, no stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closeOutput(stream);
  });
}

process.exitCode = await main(process.argv.slice(2));
