/** A model id short enough for a chart label: `Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC` → `1.5B q4f16_1`. */
export function shortModelName(id: string): string {
  const match = /Coder-([\d.]+B)-Instruct-(q\d+f\d+(?:_\d+)?)-MLC$/.exec(id);
  return match ? `${match[1]} ${match[2]}` : id.length > 28 ? `${id.slice(0, 27)}…` : id;
}
