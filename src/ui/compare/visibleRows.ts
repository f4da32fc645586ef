/** The rows of a list of fixed-height rows to render: [start, end), with `overscan` rows either side. */
export interface RowWindow {
  start: number;
  end: number;
}

/**
 * Which of `count` rows of `rowHeight` px a scroll box `viewport` px tall, scrolled `scrollTop` px,
 * shows, plus `overscan` rows above and below (so Tab and arrow keys always land on a rendered
 * row). Every row when `count` is at most `renderAllUpTo`.
 */
export function visibleRows(
  scrollTop: number,
  viewport: number,
  rowHeight: number,
  count: number,
  overscan = 12,
  renderAllUpTo = 150,
): RowWindow {
  if (count <= renderAllUpTo || rowHeight <= 0) return { start: 0, end: count };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(viewport, rowHeight)) / rowHeight);
  const start = Math.min(Math.max(0, first - overscan), Math.max(0, count - 1));
  return { start, end: Math.min(count, Math.max(start + 1, last + overscan)) };
}
