export { bootstrapMeanInterval, type BootstrapOptions } from './bootstrapMeanInterval.ts';
export {
  compareRuns,
  type ComparableCase,
  type CompareRunsOptions,
  type RunComparison,
} from '../compare/compareRuns.ts';
export { DEFAULT_SEED } from './defaultSeed.ts';
export { mcnemarExact } from './mcnemarExact.ts';
export { mean } from './mean.ts';
export { median } from './median.ts';
export { mulberry32 } from './mulberry32.ts';
export { pairedDifference, type PairedDifference, type PairedDifferenceOptions } from './pairedDifference.ts';
export { quantileSorted } from './quantileSorted.ts';
export { stddev } from './stddev.ts';
export { summarizeRun, type SummarizableCase, type SummarizeRunOptions } from './summarizeRun.ts';
export { wilsonInterval } from './wilsonInterval.ts';
