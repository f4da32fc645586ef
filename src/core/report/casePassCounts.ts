// Per-case pass counts over samples: what the case table shows beside each record when a run took
// several samples per case (the counts pass@k is computed from).

/** How many of a case's samples passed. */
export interface PassCount {
  passed: number;
  samples: number;
}

/** Pass counts by case id, over every record of `cases`. */
export function casePassCounts(
  cases: readonly { id: string; passed: boolean }[],
): ReadonlyMap<string, PassCount> {
  const counts = new Map<string, PassCount>();
  for (const record of cases) {
    const count = counts.get(record.id) ?? { passed: 0, samples: 0 };
    count.samples += 1;
    if (record.passed) count.passed += 1;
    counts.set(record.id, count);
  }
  return counts;
}

/** Whether any case has more than one sample. */
export function hasSamples(counts: ReadonlyMap<string, PassCount>): boolean {
  for (const count of counts.values()) if (count.samples > 1) return true;
  return false;
}
