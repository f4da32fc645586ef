// Reproducible run links and shareable results links.
export {
  compareComparableRuns,
  comparableFromReport,
  comparableFromSummary,
  type ComparableRun,
  type RunsComparison,
} from '../compare/comparableRun.ts';
export { decodeRunLink, type RunLinkCatalog } from './decodeRunLink.ts';
export { encodeRunLink } from './encodeRunLink.ts';
export { makeRunLink } from './makeRunLink.ts';
export type { LinkResult } from './linkResult.ts';
export {
  decodeResultsPayload,
  encodeResultsLink,
  encodeResultsPayload,
  findResultsPayloads,
  type FoundPayload,
} from './resultsLink.ts';
export { RESULTS_LINK_VERSION, ResultsSummarySchema, type ResultsSummary } from './resultsSummary.ts';
export { RUN_LINK_VERSION, type RunLinkParams, type RunLinkSuite, type RunSpec } from './runSpec.ts';
export { summarizeReportForLink, suiteCaseIds } from './summarizeReportForLink.ts';
