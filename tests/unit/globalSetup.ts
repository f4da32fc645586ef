// Builds the CLI once before the unit tests: the CLI tests run the built `tabeval` bin as a user
// runs it (a real process, real exit codes, no TypeScript loader per run).
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { stdio: ['ignore', 'ignore', 'inherit'] });
}
