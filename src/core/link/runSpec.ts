import type { GenerationParams, WebLlmModelRef } from '../engine.ts';

/** Where a run link's suite comes from: a suite bundled with the site, or a suite file at an https URL. */
export type RunLinkSuite =
  { kind: 'bundled'; id: string; version: string; hash: string } | { kind: 'url'; url: string; hash: string };

/** The generation parameters a run link pins (every one the run page sets). */
export type RunLinkParams = Required<
  Pick<GenerationParams, 'temperature' | 'top_p' | 'max_tokens' | 'seed' | 'tool_call_mode' | 'samples'>
>;

/**
 * Everything a run link reproduces: the suite (identified by its content hash), the model build
 * (a catalog id, or a custom MLC build at https URLs) and every generation parameter. Links are
 * for runs in the tab: a model behind a server is not reproducible from a link.
 */
export interface RunSpec {
  suite: RunLinkSuite;
  model: WebLlmModelRef;
  params: RunLinkParams;
}

/** The run-link format version this code writes and reads. */
export const RUN_LINK_VERSION = '1';

/** Run links longer than this are refused before any parsing (a real one is under 1,000 characters). */
export const MAX_RUN_LINK_CHARS = 8192;
