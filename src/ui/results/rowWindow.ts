/** Which rows of a long list to put in the DOM: `[start, end)` of the rows, and the space around them. */
export interface RowWindow {
  start: number;
  end: number;
  /** Height in pixels of the rows above `start` (a spacer keeps the scroll bar honest). */
  before: number;
  /** Height in pixels of the rows from `end` on. */
  after: number;
}

export interface RowWindowInput {
  count: number;
  /** Pixels scrolled from the top of the first row. */
  scrollTop: number;
  /** Pixels of rows that fit in the scroll frame; 0 when unknown (no layout yet). */
  viewport: number;
  rowHeight: number;
  /** Rows kept on each side of the visible ones, so a fast scroll or a Tab does not meet a gap. */
  overscan?: number;
  /** Viewport assumed when the frame reports none (before layout, or an environment without it). */
  fallbackViewport?: number;
}

/**
 * The window of a list of `count` equal-height rows for a scroll position: the rows on screen plus
 * `overscan` on each side, never more than the list and never fewer than one screen. Pure.
 */
export function rowWindow({
  count,
  scrollTop,
  viewport,
  rowHeight,
  overscan = 8,
  fallbackViewport = 800,
}: RowWindowInput): RowWindow {
  const height = rowHeight > 0 ? rowHeight : 1;
  const shown = Math.ceil((viewport > 0 ? viewport : fallbackViewport) / height);
  const first = Math.min(Math.max(0, Math.floor(Math.max(0, scrollTop) / height)), Math.max(0, count - 1));
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + shown + overscan);
  return { start, end, before: start * height, after: (count - end) * height };
}

/**
 * The scroll position that brings row `index` fully into a frame showing `viewport` pixels from
 * `scrollTop` (below a sticky header of `headerHeight`), or `scrollTop` when it is already there.
 */
export function scrollToRow(
  index: number,
  {
    scrollTop,
    viewport,
    rowHeight,
    headerHeight = 0,
  }: { scrollTop: number; viewport: number; rowHeight: number; headerHeight?: number },
): number {
  const top = index * rowHeight;
  const visible = Math.max(rowHeight, viewport - headerHeight);
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + visible) return top + rowHeight - visible;
  return scrollTop;
}
