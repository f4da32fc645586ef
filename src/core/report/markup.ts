import { escapeHtml } from './escapeHtml.ts';

/** Markup that is already safe: built by {@link markup}, never from an unescaped string. */
export class SafeHtml {
  readonly #text: string;
  /** Wraps markup the caller vouches for: only the renderers' own constants, never report data. */
  constructor(text: string) {
    this.#text = text;
  }
  toString(): string {
    return this.#text;
  }
}

/** What can be put in a {@link markup} template: text (escaped), numbers, safe markup, lists of these. */
export type MarkupValue = SafeHtml | string | number | boolean | null | undefined | readonly MarkupValue[];

function write(value: MarkupValue, parts: string[]): void {
  if (value === null || value === undefined || typeof value === 'boolean') return;
  if (value instanceof SafeHtml) parts.push(value.toString());
  else if (typeof value === 'string') parts.push(escapeHtml(value));
  else if (typeof value === 'number') parts.push(escapeHtml(String(value)));
  else for (const item of value) write(item, parts);
}

/**
 * Builds HTML (or inline SVG) from a template literal: the literal parts are the renderer's own
 * markup, and every interpolated string goes through `escapeHtml` (element text and quoted
 * attribute values alike), so a report string can never become markup. Interpolations may be
 * `SafeHtml` (from another `markup` call), lists (concatenated), numbers, or null, undefined and
 * booleans (nothing). Report strings must never be interpolated into a tag or attribute *name*, an
 * unquoted attribute value, or a `<style>`/`<script>` element. (Named `markup`, not `html`, so
 * code formatters leave the templates' whitespace alone.)
 */
export function markup(literals: TemplateStringsArray, ...values: MarkupValue[]): SafeHtml {
  const parts: string[] = [];
  for (let i = 0; i < literals.length; i += 1) {
    parts.push(literals[i] ?? '');
    if (i < values.length) write(values[i], parts);
  }
  return new SafeHtml(parts.join(''));
}
