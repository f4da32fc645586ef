import { scorerOf } from '../scoring/registry.ts';
import type { ReasonExplainer } from '../scoring/scorer.ts';

/** Reasons any scorer can give, and the case-level `error:<message>` of an engine failure. */
const COMMON_REASONS: Readonly<Record<string, ReasonExplainer>> = {
  error: (detail) => (detail === '' ? 'the engine failed: no output to score' : `engine error: ${detail}`),
};

function splitCode(reason: string): { code: string; detail: string } {
  const colon = reason.indexOf(':');
  return colon === -1
    ? { code: reason, detail: '' }
    : { code: reason.slice(0, colon), detail: reason.slice(colon + 1) };
}

/**
 * The one place a reason code becomes plain words, for the app, the HTML report and the CLI alike.
 * `explainReason('calls', 'missing_required:path')` is `required argument "path" missing`, through
 * the scorer's reason table; a verdict note (`bfcl_decoder:format`) reads the same way. A reason or
 * scorer this version does not know comes back as written, so nothing is ever hidden. Never throws.
 */
export function explainReason(kind: string, reason: string): string {
  const { code, detail } = splitCode(reason);
  const table = scorerOf(kind)?.reasons;
  const explain =
    table !== undefined && Object.hasOwn(table, code)
      ? table[code]
      : Object.hasOwn(COMMON_REASONS, code)
        ? COMMON_REASONS[code]
        : undefined;
  return explain ? explain(detail) : reason;
}

/**
 * A case-level reason as stored in `ReportCase.reasons` (`calls:missing_required:path`, prefixed by
 * its scorer, or `error:<message>`) or a note filter value (`note:calls:bfcl_decoder:format`), in
 * plain words through {@link explainReason}; unknown ones come back whole. Never throws.
 */
export function explainCaseReason(caseReason: string): string {
  const { code: kind, detail } = splitCode(caseReason);
  if (kind === 'error') return explainReason('', caseReason);
  // Verdict notes are filter values too: `note:<scorer>:<code>`.
  const [scorer, reason] = kind === 'note' ? Object.values(splitCode(detail)) : [kind, detail];
  const words = explainReason(scorer ?? '', reason ?? '');
  return words === reason ? caseReason : words;
}
