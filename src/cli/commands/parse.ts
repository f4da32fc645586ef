import { parseToolCalls } from '../../core/parser/index.ts';
import { readTextInput, out } from '../io.ts';

export const parseHelp = `tabeval parse [FILE]
  Reads model output from FILE (or standard input) and prints the tool calls found, as JSON:
  {"text", "calls": [{"name", "arguments", "format"}], "nearMisses": [{"kind", "start", "end", "detail"}]}`;

/** `tabeval parse [FILE]`: the shared parser on one model output. */
export async function runParse(args: string[]): Promise<number> {
  const text = await readTextInput(args[0]);
  const result = parseToolCalls(text);
  out(
    JSON.stringify(
      {
        text: result.text,
        calls: result.calls.map(({ name, arguments: args, format }) => ({ name, arguments: args, format })),
        nearMisses: result.nearMisses,
      },
      null,
      2,
    ),
  );
  return 0;
}
