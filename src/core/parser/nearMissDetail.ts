import { jsonTypeName } from './jsonValue.ts';

/** Where a JSON call candidate was found, for the wording of near-miss details. */
export type JsonPlace = 'tag' | 'fence';

const MAX_QUOTE = 100;

function placeWords(place: JsonPlace): string {
  return place === 'tag' ? 'The JSON inside <tool_call>' : 'The JSON in the json fence';
}

/**
 * Cuts `text` to its first line and at most `max` characters, marking a cut with "…". Looks at the
 * first `max + 1` characters only, so it is cheap on huge text. Never throws.
 */
export function shorten(text: string, max: number = MAX_QUOTE): string {
  const head = text.slice(0, max + 1);
  const lf = head.indexOf('\n');
  const cr = head.indexOf('\r');
  const lineEnd = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
  if (lineEnd >= 0) return `${cutAt(head, lineEnd)}…`;
  return text.length > max ? `${cutAt(head, max)}…` : text;
}

// Never cut between the two halves of a surrogate pair (an emoji would turn into a lone half).
function cutAt(text: string, at: number): string {
  const last = text.charCodeAt(at - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? at - 1 : at);
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `"${shorten(value, 40)}"` : jsonTypeName(value);
}

/** Detail for `tool-key`: the old training format used "tool" where "name" belongs. */
export function toolKeyDetail(place: JsonPlace, tool: unknown): string {
  return (
    `${placeWords(place)} names the tool with "tool" (${quote(tool)}) instead of "name". ` +
    'That is the old, mismatched training format; rename the key "tool" to "name".'
  );
}

/** Detail for `unlabelled-fence`: a call-shaped object in a fence not labelled json. */
export function unlabelledFenceDetail(label: string, usesToolKey: boolean): string {
  const fence = label === '' ? 'a fence with no label' : `a fence labelled "${shorten(label, 40)}"`;
  const toolNote = usesToolKey ? ' It also uses "tool" where "name" belongs.' : '';
  return (
    `This looks like a tool call, but it sits in ${fence}. ` +
    `Only a fence opened by a line "\`\`\`json" counts as a call.${toolNote}`
  );
}

/** Detail for `bad-json`: what `JSON.parse` reported, shortened. */
export function badJsonDetail(place: JsonPlace, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${placeWords(place)} is not valid JSON: ${shorten(message)}`;
}

/** Detail for `bad-json` when a tag holds neither a JSON object nor `<function=…>` XML. */
export function notJsonNorXmlDetail(content: string): string {
  if (content === '') return 'The <tool_call> block is empty.';
  return (
    'The text inside <tool_call> is neither a JSON object nor <function=…> XML; ' +
    `it starts with "${shorten(content, 40)}".`
  );
}

/** Detail for `unclosed-tag`. */
export function unclosedTagDetail(): string {
  return (
    'This <tool_call> is never closed by </tool_call>, so it is not a call ' +
    '(the output may have been cut off at the token limit).'
  );
}

/** Detail for `multiple-objects`: how many objects one block or fence held. */
export function multipleObjectsDetail(place: JsonPlace, count: number): string {
  const where = place === 'tag' ? 'This <tool_call> block' : 'This json fence';
  const own = place === 'tag' ? 'its own <tool_call> block' : 'its own block';
  return `${where} holds ${count} JSON objects one after another; put each call in ${own}.`;
}

/** Detail for `not-a-call` when the JSON value is not an object at all. */
export function notAnObjectDetail(place: JsonPlace, value: unknown): string {
  const holder = place === 'tag' ? 'The <tool_call> block' : 'The json fence';
  return `${holder} holds a JSON ${jsonTypeName(value)}, not an object with "name" and "arguments".`;
}

/** Detail for `not-a-call` when the object has no "name" (with a hint for OpenAI-style nesting). */
export function noNameDetail(place: JsonPlace, nestedName: boolean): string {
  const hint = nestedName
    ? ' The name is nested under "function" (OpenAI style); put "name" and "arguments" at the top level.'
    : '';
  return `${placeWords(place)} is an object without a "name" key, so it names no tool.${hint}`;
}

/** Detail for `not-a-call` when "name" is not a string. */
export function nameNotStringDetail(place: JsonPlace, name: unknown): string {
  return `${placeWords(place)} has a "name" that is a ${jsonTypeName(name)}; it must be a string.`;
}

/** Detail for `not-a-call` when "arguments" (or "parameters") is not an object. */
export function argumentsNotObjectDetail(place: JsonPlace, key: string, value: unknown): string {
  return (
    `${placeWords(place)} has "${key}" as a ${jsonTypeName(value)}; ` +
    'it must be a JSON object of argument names to values.'
  );
}
