import { parseArgs, type ParseArgsConfig } from 'node:util';
import { didYouMean } from '../core/validation/didYouMean.ts';
import { UsageError } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * Node's `parseArgs` for one command, with the command's own words for mistakes: an unknown
 * option names the options the command takes (and the likely one), a value missing after an
 * option says which. `hints` map an option people try to what it is called here
 * (`format: 'there is no --format: give --html FILE, --csv FILE or --md'`). Throws UsageError.
 */
export function parseCommandArgs<const T extends Options>(
  command: string,
  args: readonly string[],
  options: T,
  hints: Readonly<Record<string, string>> = {},
) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const unknown = /^Unknown option '--?([^']+)'/.exec(message)?.[1];
    if (unknown !== undefined) {
      const names = Object.keys(options);
      if (Object.hasOwn(hints, unknown)) throw new UsageError(hints[unknown]!);
      const near = didYouMean(unknown, names);
      const takes =
        names.length === 0 ? 'takes no options' : `takes ${names.map((n) => `--${n}`).join(', ')}`;
      throw new UsageError(
        `unknown option --${unknown}${near === undefined ? '' : ` (did you mean --${near}?)`}; ${command} ${takes}`,
      );
    }
    const missing = /^Option '(?:-\w, )?--([^ ]+) <value>' argument missing/.exec(message)?.[1];
    if (missing !== undefined) throw new UsageError(`--${missing} needs a value`);
    throw new UsageError(message);
  }
}
