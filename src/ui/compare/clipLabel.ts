/** Text cut to `max` characters with an ellipsis, for chart labels (the full text goes in a tooltip). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
