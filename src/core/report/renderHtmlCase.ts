import { caseSignal } from './caseSignal.ts';
import { describeLocation, describeSolution, describeStatus } from '../execution/describeExecution.ts';
import type { ExecutionResult } from '../execution/schema.ts';
import { formatPercent } from '../format/formatFigures.ts';
import { scorerOf } from '../scoring/registry.ts';
import { explainReason } from './explainReason.ts';
import type { ChatMessage } from '../suite/types.ts';
import { explainCaseReasons } from './caseReasons.ts';
import { formatCount, formatMs, formatTps, shortHash } from '../format/formatFigures.ts';
import { markup, type SafeHtml } from './markup.ts';
import type { ReportCase } from './schema.ts';
import { truncateText } from './truncateText.ts';
import { usageFigure, type UsageFigureName } from './usageFigure.ts';

/** Longest output or prompt turn shown in the HTML report, in characters; the JSON keeps everything. */
export const HTML_TEXT_LIMIT = 4000;
const ARGUMENTS_LIMIT = 1000;
const SUMMARY_REASONS_LIMIT = 160;

const USAGE_FIGURES: readonly { name: UsageFigureName; describe: (value: number) => string }[] = [
  { name: 'promptTokens', describe: (v) => `prompt ${formatCount(v)} tokens` },
  { name: 'completionTokens', describe: (v) => `completion ${formatCount(v)} tokens` },
  { name: 'ttftMs', describe: (v) => `first token after ${formatMs(v)}` },
  { name: 'prefillTps', describe: (v) => `prefill ${formatTps(v)}` },
  { name: 'decodeTps', describe: (v) => `decode ${formatTps(v)}` },
  { name: 'e2eMs', describe: (v) => `end to end ${formatMs(v)}` },
];

function longText(text: string, what: string): SafeHtml {
  const cut = truncateText(text, HTML_TEXT_LIMIT);
  const note = cut.truncated
    ? markup`<p class="note warn">${what} cut here: the first ${formatCount(cut.text.length)} of ${formatCount(cut.length)} characters are shown; the JSON report holds all of it.</p>`
    : null;
  // The parser drops a newline right after <pre>: this one, not the text's own.
  return markup`<pre>\n${cut.text}</pre>${note}`;
}

function argumentsJson(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? 'null';
  } catch {
    json = String(value);
  }
  const cut = truncateText(json, ARGUMENTS_LIMIT);
  return cut.truncated ? `${cut.text}… (${formatCount(cut.length)} characters)` : cut.text;
}

function executionBlock(execution: ExecutionResult): SafeHtml {
  const location = describeLocation(execution);
  const streams = (['stdout', 'stderr'] as const).map((name) =>
    execution[name] === ''
      ? null
      : markup`<p class="note">${name}${execution[`${name}Truncated`] ? ' (cut at 8 KB)' : ''}</p>${longText(execution[name], name)}`,
  );
  const code =
    execution.code === ''
      ? null
      : markup`<details><summary>Code that ran</summary>${longText(execution.code, 'The code')}</details>`;
  return markup`<div class="execution"><p>${describeStatus(execution.status)}${execution.status === 'passed' ? null : markup`: ${execution.message}`} (${formatMs(execution.durationMs)})</p>${location === null ? null : markup`<p><code>${location}</code></p>`}<p class="note">${describeSolution(execution)}</p>${code}${streams}</div>`;
}

function verdictList(c: ReportCase): SafeHtml {
  const items = c.verdicts.map((verdict) => {
    const scorer = scorerOf(verdict.scorer);
    const reasons = verdict.reasons.map(
      (reason) => markup`<li>${explainReason(verdict.scorer, reason)} <code>${reason}</code></li>`,
    );
    const result = verdict.passed
      ? markup`<span class="ok">passed</span>`
      : markup`<span class="ko">failed</span>`;
    const score = formatPercent(verdict.score);
    const execution = verdict.execution === undefined ? null : executionBlock(verdict.execution);
    return markup`<li><b>${scorer?.label ?? verdict.scorer}</b> ${score} ${result}${reasons.length > 0 ? markup`<ul>${reasons}</ul>` : null}${execution}</li>`;
  });
  return markup`<h3>Verdicts</h3><ul class="verdicts">${items}</ul>`;
}

function callTable(c: ReportCase): SafeHtml | null {
  if (c.calls.length === 0) return null;
  const rows = c.calls.map(
    (call) =>
      markup`<tr><td><code>${call.name}</code></td><td>${call.format}</td><td><code>${argumentsJson(call.arguments)}</code></td><td class="n">${call.start}–${call.end}</td></tr>`,
  );
  return markup`<h3>Parsed calls</h3><table><tr><th>tool</th><th>format</th><th>arguments</th><th class="n">characters</th></tr>${rows}</table>`;
}

function nearMissList(c: ReportCase): SafeHtml | null {
  if (c.nearMisses.length === 0) return null;
  const items = c.nearMisses.map(
    (miss) =>
      markup`<li><code>${miss.kind}</code> ${miss.detail} <span class="sub">(characters ${miss.start}–${miss.end})</span></li>`,
  );
  return markup`<h3>Near misses</h3><ul class="verdicts">${items}</ul>`;
}

function usageFacts(figures: NonNullable<ReportCase['usage']>['reported']): string {
  const known = USAGE_FIGURES.flatMap(({ name, describe }) => {
    const value = figures[name];
    return value === null ? [] : [describe(value)];
  });
  return known.length === 0 ? 'nothing recorded' : known.join(' · ');
}

function usageList(c: ReportCase): SafeHtml | null {
  if (c.usage === null) return null;
  return markup`<h3>Usage</h3><dl><dt>reported by the engine</dt><dd>${usageFacts(c.usage.reported)}</dd><dt>measured</dt><dd>${usageFacts(c.usage.measured)}</dd></dl>`;
}

function promptTurns(turns: readonly ChatMessage[] | undefined): SafeHtml {
  if (turns === undefined) {
    return markup`<h3>Prompt</h3><p class="note">No prompt for this case in the embedded suite.</p>`;
  }
  const items = turns.map(
    (turn) => markup`<div class="turn"><b>${turn.role}</b>${longText(turn.content, 'Prompt')}</div>`,
  );
  return markup`<h3>Prompt</h3>${items}`;
}

/**
 * One case of the HTML report: a `<details>` element whose summary is a row of the case table (id,
 * category, score, pass/fail, decode tok/s, reasons in plain words) and whose body holds the prompt
 * turns, the raw output (cut at {@link HTML_TEXT_LIMIT} characters, with a note), the parsed calls
 * with their format, near misses, every verdict with its reasons explained by the scorer
 * descriptors, and the usage figures. Every report string is escaped (`markup`). The element id is
 * `case-<index + 1>`, so no report string ever lands in an id. Pure; never throws.
 */
export function renderHtmlCase(
  c: ReportCase,
  index: number,
  turns: readonly ChatMessage[] | undefined,
): SafeHtml {
  const reasons = truncateText(explainCaseReasons(c).join('; '), SUMMARY_REASONS_LIMIT);
  const output =
    c.output === null ? markup`<p class="ko">No output was recorded.</p>` : longText(c.output, 'Output');
  const facts = [
    `finish reason: ${c.finishReason ?? '–'}`,
    `duration: ${formatMs(c.durationMs)}`,
    c.outputHash === null ? 'no output hash' : `output sha256: ${shortHash(c.outputHash)}`,
  ].join(' · ');
  const error = c.error === undefined ? null : markup`<p class="ko">Engine error: ${c.error}</p>`;
  // One pass/fail signal, and beside it each scorer's verdict (a partial score as its percentage).
  const signal = caseSignal(c);
  const result = signal.passed
    ? markup`<span class="ok">✓ passed</span>`
    : markup`<span class="ko">✗ failed</span>`;
  const chips = signal.chips.map(
    (chip, i) =>
      markup`${i === 0 ? '' : ' · '}<span class="${chip.passed ? 'ok' : 'ko'}" title="${chip.words}">${chip.label} ${chip.mark}</span>`,
  );
  const summary = markup`<summary class="row"><span>${c.id}</span><span>${c.category}</span>${result}<span class="chips">${chips}</span><span class="n">${formatTps(usageFigure(c, 'decodeTps'))}</span><span>${reasons.text}${reasons.truncated ? '…' : ''}</span></summary>`;
  return markup`<details class="case ${c.passed ? 'pass' : 'fail'}" id="case-${index + 1}">${summary}<div>${promptTurns(turns)}<h3>Output</h3>${output}<p class="note">${facts}</p>${error}${verdictList(c)}${callTable(c)}${nearMissList(c)}${usageList(c)}</div></details>`;
}
