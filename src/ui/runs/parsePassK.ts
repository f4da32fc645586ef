// The run page's pass@k field: "5, 10" → [5, 10], with a message when a value cannot be used.

/** The k values typed in the pass@k field, or what is wrong with them. */
export function parsePassK(
  text: string,
  samples: number,
): { ok: true; values: number[] } | { ok: false; error: string } {
  const parts = text
    .split(/[\s,]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const values: number[] = [];
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return { ok: false, error: `"${part.slice(0, 20)}" is not a whole number` };
    const k = Number(part);
    if (k < 1) return { ok: false, error: 'k must be at least 1' };
    if (k > samples) return { ok: false, error: `k = ${k} needs at least ${k} samples per case` };
    if (k !== 1 && !values.includes(k)) values.push(k);
  }
  if (values.length > 19) return { ok: false, error: 'at most 19 values of k' };
  return { ok: true, values: values.sort((a, b) => a - b) };
}
