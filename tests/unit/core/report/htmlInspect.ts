// Reads rendered HTML the way a browser would (jsdom parses it; it runs no script and loads
// nothing), to check what the markup *is*, not what the text looks like.
import { createRequire } from 'node:module';

// jsdom ships no type declarations (and @types/jsdom is not installed): the one constructor used
// here, typed by hand.
const { JSDOM } = createRequire(import.meta.url)('jsdom') as {
  JSDOM: new (html: string) => { window: { DOMParser: typeof DOMParser } };
};

// One window for every parse: building a window costs far more than parsing a report.
const parser = new new JSDOM('').window.DOMParser();

/** Parses a whole HTML document (jsdom's HTML parser, as a browser reads a file). */
export function parseHtml(html: string): Document {
  return parser.parseFromString(html, 'text/html');
}

// Attributes a browser follows or loads.
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'ping',
]);

// Elements that load something, run something or navigate somewhere.
const ACTIVE_ELEMENTS = new Set([
  'script',
  'img',
  'iframe',
  'frame',
  'object',
  'embed',
  'link',
  'a',
  'form',
  'base',
  'audio',
  'video',
  'source',
  'image',
  'use',
  'foreignobject',
  'template',
]);

/**
 * Everything in a document that could run code or make a request: active elements, `on*` handler
 * attributes, URL attributes other than `#fragment`s, `meta` refresh, CSS `url(`/`@import`.
 */
export function liveMarkup(doc: Document): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (ACTIVE_ELEMENTS.has(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && (el.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh')
      found.push('meta refresh');
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (URL_ATTRIBUTES.has(name) && !attr.value.startsWith('#'))
        found.push(`${tag}[${name}=${attr.value}]`);
      if (name === 'style' && /url\(|@import|expression\(/iu.test(attr.value))
        found.push(`${tag}[style=${attr.value}]`);
    }
  }
  for (const style of doc.querySelectorAll('style')) {
    if (/url\(|@import/iu.test(style.textContent ?? '')) found.push('url( or @import in <style>');
  }
  return found;
}

/** The text of a document's body (or of one element) with whitespace collapsed, as a reader sees it. */
export function visibleText(node: Document | Element | null): string {
  const root = node !== null && 'body' in node ? node.body : node;
  return (root?.textContent ?? '').replace(/\s+/gu, ' ');
}

/** Every element's tag name in document order: the structure of a page, without its text. */
export function tagSequence(doc: Document): string[] {
  return [...doc.querySelectorAll('*')].map((el) => el.tagName.toLowerCase());
}
