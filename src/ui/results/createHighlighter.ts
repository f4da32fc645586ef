// The syntax highlighter itself. Imported only through `loadHighlighter` (a dynamic import), so
// lowlight and its grammars stay out of the entry chunk.
import { createLowlight } from 'lowlight';
import bash from 'highlight.js/lib/languages/bash';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import typescript from 'highlight.js/lib/languages/typescript';
import type { Root } from 'hast';

/** Highlights code of a registered language (aliases such as `py`, `ts`, `sh` included). */
export interface Highlighter {
  /** The highlighted tree, or null when `language` is not registered. */
  highlight(language: string, code: string): Root | null;
}

/** A highlighter for the few languages models write most: python, javascript, typescript, json, bash. */
export function createHighlighter(): Highlighter {
  const lowlight = createLowlight({ bash, javascript, json, python, typescript });
  return {
    highlight(language, code) {
      if (language === '' || !lowlight.registered(language)) return null;
      return lowlight.highlight(language, code);
    },
  };
}
