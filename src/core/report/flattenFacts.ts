/** One labelled value of a loose record, flattened: `adapter.vendor` → `apple`. */
export interface Fact {
  label: string;
  value: string;
}

/** Limits of {@link flattenFacts}, so a hostile or huge record cannot blow up a report. */
export interface FlattenFactsOptions {
  /** Longest value kept, in characters (longer ones end with `…`). Default 500. */
  maxValueChars?: number;
  /** Most facts listed; a last fact says how many were left out. Default 200. */
  maxFacts?: number;
  /** Deepest nesting followed; deeper values are shown as JSON. Default 4. */
  maxDepth?: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(0, max - 1))}…` : text;
}

/**
 * Flattens a loose JSON record (device info, sampling parameters) into labelled plain-text
 * values, in key order: nested objects give dotted labels, lists of scalars are joined with `, `,
 * anything else is written as JSON. Labels and values are plain text, to be escaped by the
 * renderer. Pure; never throws.
 */
export function flattenFacts(record: Record<string, unknown>, options: FlattenFactsOptions = {}): Fact[] {
  const maxValue = options.maxValueChars ?? 500;
  const maxFacts = options.maxFacts ?? 200;
  const maxDepth = options.maxDepth ?? 4;
  const facts: Fact[] = [];
  let omitted = 0;
  const add = (label: string, value: string) => {
    if (facts.length < maxFacts) facts.push({ label: clip(label, 200), value: clip(value, maxValue) });
    else omitted += 1;
  };
  const visit = (prefix: string, value: unknown, depth: number) => {
    if (isScalar(value)) {
      add(prefix, value === null ? 'null' : String(value));
    } else if (Array.isArray(value) && value.every(isScalar)) {
      add(prefix, value.length === 0 ? '(none)' : value.map((item) => String(item)).join(', '));
    } else if (isRecord(value) && depth < maxDepth) {
      const keys = Object.keys(value);
      if (keys.length === 0) add(prefix, '{}');
      for (const key of keys) visit(prefix === '' ? key : `${prefix}.${key}`, value[key], depth + 1);
    } else {
      add(prefix, safeJson(value));
    }
  };
  for (const key of Object.keys(record)) visit(key, record[key], 1);
  if (omitted > 0) facts.push({ label: '…', value: `${omitted} more values not shown` });
  return facts;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
