import type { Report } from './schema.ts';

/** Which arrays are written one compact element per line (`true`), by key, within which objects. */
interface Layout {
  readonly [key: string]: Layout | true;
}

// The case records, and the cases of the suite embedded in the report: the parts that grow with
// the run. Everything else keeps JSON.stringify's two-space layout.
const REPORT_LAYOUT: Layout = { cases: true, suite: { content: { cases: true } } };

/**
 * A report as JSON text, in pieces: laid out as `JSON.stringify(report, null, 2)` writes it, except
 * the case records and the embedded suite's cases, which are written one compact element per line.
 * The pieces joined are one JSON document that parses back to the same value, key order kept.
 *
 * Why not the whole text at once: 100,000 cases pretty-printed are 180 MB in one string (V8's
 * longest string is 512 MB), and each case spends more bytes on indentation than on data; one line
 * a case is about 45 % smaller, and still diffs and greps case by case. Yields about one piece per
 * case; never throws for a report that `JSON.stringify` accepts.
 */
export function* reportJsonChunks(report: Report): Generator<string, void, undefined> {
  const tail = yield* objectChunks(report, '', REPORT_LAYOUT, '');
  yield `${tail}\n`;
}

/** Writes `value` at `indent`; returns the text not yet yielded, for the caller to continue. */
function* objectChunks(
  value: object,
  indent: string,
  layout: Layout,
  before: string,
): Generator<string, string, undefined> {
  const inner = `${indent}  `;
  let text = `${before}{`;
  let fields = 0;
  for (const [key, field] of Object.entries(value) as [string, unknown][]) {
    const rule = Object.hasOwn(layout, key) ? layout[key] : undefined;
    const spread =
      rule === true
        ? Array.isArray(field) && field.length > 0
        : rule !== undefined && typeof field === 'object' && field !== null && !Array.isArray(field);
    const json = spread ? undefined : JSON.stringify(field, null, 2);
    // A field that stringifies to nothing (undefined) is left out, as JSON.stringify does.
    if (!spread && json === undefined) continue;
    text += `${fields === 0 ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
    fields += 1;
    if (json !== undefined) {
      // JSON text never has a raw line break inside a string, so every "\n" is between tokens.
      text += json.replaceAll('\n', `\n${inner}`);
    } else if (rule === true) {
      yield `${text}[`;
      for (const [i, element] of (field as unknown[]).entries()) {
        // As in JSON.stringify, an array slot that stringifies to nothing is null.
        yield `${i === 0 ? '' : ','}\n${inner}  ${JSON.stringify(element) ?? 'null'}`;
      }
      text = `\n${inner}]`;
    } else {
      text = yield* objectChunks(field as object, inner, rule as Layout, text);
    }
  }
  return `${text}${fields === 0 ? '' : `\n${indent}`}}`;
}
