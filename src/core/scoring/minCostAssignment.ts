/**
 * Solves the assignment problem on a square cost matrix (Hungarian algorithm with potentials,
 * O(k³)): returns `column[row]`, a permutation minimising the summed cost. Used to pair expected
 * and made tool calls in any order so the reported reasons come from the best pairing; O(k³) stays
 * fast even when a model emits hundreds of calls, where trying permutations would not.
 * Takes `k` rows of `k` finite numbers; returns `[]` for `k = 0`. Pure; never throws on such input.
 */
export function minCostAssignment(cost: readonly (readonly number[])[]): number[] {
  const k = cost.length;
  // 1-based arrays with a virtual column 0, as in the classic formulation.
  const rowPotential = new Float64Array(k + 1);
  const colPotential = new Float64Array(k + 1);
  const rowOfCol = new Int32Array(k + 1);
  const way = new Int32Array(k + 1);
  for (let row = 1; row <= k; row += 1) {
    rowOfCol[0] = row;
    let col0 = 0;
    const minSlack = new Float64Array(k + 1).fill(Infinity);
    const used = new Uint8Array(k + 1);
    do {
      used[col0] = 1;
      const r = rowOfCol[col0]!;
      let delta = Infinity;
      let next = 0;
      for (let col = 1; col <= k; col += 1) {
        if (used[col]) continue;
        const slack = cost[r - 1]![col - 1]! - rowPotential[r]! - colPotential[col]!;
        if (slack < minSlack[col]!) {
          minSlack[col] = slack;
          way[col] = col0;
        }
        if (minSlack[col]! < delta) {
          delta = minSlack[col]!;
          next = col;
        }
      }
      for (let col = 0; col <= k; col += 1) {
        if (used[col]) {
          rowPotential[rowOfCol[col]!]! += delta;
          colPotential[col]! -= delta;
        } else {
          minSlack[col]! -= delta;
        }
      }
      col0 = next;
    } while (rowOfCol[col0] !== 0);
    do {
      const previous = way[col0]!;
      rowOfCol[col0] = rowOfCol[previous]!;
      col0 = previous;
    } while (col0 !== 0);
  }
  const columnOfRow = new Array<number>(k).fill(0);
  for (let col = 1; col <= k; col += 1) columnOfRow[rowOfCol[col]! - 1] = col - 1;
  return columnOfRow;
}
