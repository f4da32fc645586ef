import type { Highlighter } from './createHighlighter.ts';

let pending: Promise<Highlighter | null> | undefined;

/**
 * The shared highlighter, loaded on first use with a dynamic `import()` (its own chunk). Resolves
 * to null when the chunk cannot be loaded: code is then shown as plain text, which is still right.
 */
export function loadHighlighter(): Promise<Highlighter | null> {
  pending ??= import('./createHighlighter.ts').then(
    (module) => module.createHighlighter(),
    () => null,
  );
  return pending;
}
