// Colours of the runs in the compare charts, as SVG presentation attributes (the page's
// Content-Security-Policy allows no inline styles). Mid-tones readable on light and dark pages.
const COLOURS = ['#3b82f6', '#f97316', '#10b981', '#a855f7', '#ef4444', '#0ea5e9', '#eab308', '#ec4899'];

/** The colour of run `index` in every chart. */
export function seriesColour(index: number): string {
  return COLOURS[index % COLOURS.length]!;
}
