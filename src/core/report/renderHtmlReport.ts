import { formatPercent } from '../format/formatFigures.ts';
import { scorerOf } from '../scoring/registry.ts';
import { describeHeadline } from '../scoring/headline.ts';
import { describeSource, sourceFacts, sourceModelId } from './sourceFacts.ts';
import { deviceLabel } from './deviceLabel.ts';
import { deviceFacts, deviceLimitFacts } from './deviceFacts.ts';
import { flattenFacts, type Fact } from './flattenFacts.ts';
import {
  describeIntervalMethod,
  formatCount,
  formatInterval,
  formatMs,
  formatTimestamp,
  formatTps,
} from '../format/formatFigures.ts';
import { HTML_REPORT_STYLE } from './htmlReportStyle.ts';
import { markup, SafeHtml } from './markup.ts';
import { HTML_TEXT_LIMIT, renderHtmlCase } from './renderHtmlCase.ts';
import { reportPrompts, type ReportPrompts } from './reportPrompts.ts';
import { runSpeedFigures } from './runSpeedFigures.ts';
import type { Report } from './schema.ts';
import type { ChatMessage } from '../suite/types.ts';
import { renderCategoryBarsSvg, renderDecodeSpeedSvg, renderScoreHistogramSvg } from './svgCharts.ts';
import { truncateText } from './truncateText.ts';
import { usageFigure } from './usageFigure.ts';

const SYSTEM_PROMPT_LIMIT = 20_000;

// The stylesheet is a constant of this code base (never report data), so it goes in as it is.
const STYLE = new SafeHtml(HTML_REPORT_STYLE);

// No network, no script, no plugin, no form, whatever the markup holds: a second line of defence
// behind the escaping. The inline stylesheet is the only resource the page uses.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

function card(value: string, label: string, detail: string | null): SafeHtml {
  return markup`<div class="card"><span>${label}</span><b>${value}</b>${detail === null ? null : markup`<span>${detail}</span>`}</div>`;
}

function factList(facts: readonly Fact[]): SafeHtml {
  return markup`<dl>${facts.map((f) => markup`<dt>${f.label}</dt><dd>${f.value}</dd>`)}</dl>`;
}

function summarySection(report: Report): SafeHtml {
  const s = report.summary;
  const speed = runSpeedFigures(report);
  const passed = s.categories.reduce((sum, c) => sum + c.passed, 0);
  const cards = [
    card(
      formatPercent(s.overall),
      describeHeadline(s.headline),
      `${describeIntervalMethod(s.overallInterval.method)} CI ${formatInterval(s.overallInterval)}`,
    ),
    card(formatPercent(s.macro), 'Macro (mean over categories)', null),
  ];
  if (s.headline !== 'pass_rate') {
    cards.push(
      card(
        formatPercent(s.passRate),
        'Pass rate',
        `${passed}/${s.records} passed · ${describeIntervalMethod(s.passRateInterval.method)} CI ${formatInterval(s.passRateInterval)}`,
      ),
    );
  }
  for (const figure of s.passAtK.filter((p) => p.k > 1)) {
    cards.push(
      card(
        formatPercent(figure.value),
        `pass@${figure.k} (unbiased)`,
        `${formatCount(figure.n)} cases · ${describeIntervalMethod(figure.interval.method)} CI ${formatInterval(figure.interval)}`,
      ),
    );
  }
  cards.push(
    card(formatPercent(s.successRate), 'Success rate (no engine error)', null),
    card(formatCount(s.n), 'Cases', `${formatCount(s.categories.length)} categories`),
  );
  if (speed.decodeTps !== null || speed.loadMs !== null) {
    cards.push(
      card(
        formatTps(speed.decodeTps),
        'Decode (median over cases)',
        `prefill ${formatTps(speed.prefillTps)} · first token ${formatMs(speed.ttftMs)} · load ${formatMs(speed.loadMs)}`,
      ),
    );
  }
  if (speed.promptTokens !== null) {
    const share = speed.promptShare === null ? '' : ` (${formatPercent(speed.promptShare)} of all tokens)`;
    cards.push(
      card(
        formatCount(speed.promptTokens),
        `Prompt tokens${share}`,
        `prefill time ${formatMs(speed.prefillMs)} over the run (${formatCount(speed.n.prefillMs)} cases)`,
      ),
    );
  }
  return markup`<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><div class="cards">${cards}</div></section>`;
}

function categorySection(report: Report): SafeHtml {
  const entries = report.summary.categories;
  const rows = entries.map(
    (c) =>
      markup`<tr><th scope="row">${c.name}</th><td class="n" data-label="cases">${formatCount(c.n)}</td><td class="n" data-label="mean">${formatPercent(c.mean)}</td><td class="n" data-label="95 % CI">${formatInterval(c.meanInterval)}</td><td class="n" data-label="passed">${c.passed}/${c.records}</td><td class="n" data-label="pass-rate CI">${formatInterval(c.passRateInterval)}</td></tr>`,
  );
  const chart =
    entries.length === 0
      ? null
      : renderCategoryBarsSvg(
          entries.map((c) => ({
            name: c.name,
            mean: c.mean,
            low: c.meanInterval.low,
            high: c.meanInterval.high,
            passed: c.passed,
            n: c.n,
          })),
        );
  return markup`<section id="categories" aria-labelledby="categories-h"><h2 id="categories-h">Categories</h2><table class="stack"><thead><tr><th scope="col">category</th><th scope="col" class="n">cases</th><th scope="col" class="n">mean</th><th scope="col" class="n">95 % CI</th><th scope="col" class="n">passed</th><th scope="col" class="n">pass-rate CI</th></tr></thead><tbody>${rows}</tbody></table>${chartBox(chart)}</section>`;
}

function scorerSection(report: Report): SafeHtml {
  const rows = report.summary.scorers.map((tally) => {
    const scorer = scorerOf(tally.kind);
    return markup`<tr><th scope="row">${scorer?.label ?? tally.kind}</th><td class="n" data-label="mean">${formatPercent(tally.mean)}</td><td class="n" data-label="passed">${tally.passed}/${tally.n}</td><td data-label="what it measures">${scorer?.describe ?? ''}</td></tr>`;
  });
  const rule =
    report.summary.headline === 'punie'
      ? "A case's score is its Punie-compatible score (this suite's headline rule)"
      : "A case's score is 1 when it passes and 0 when not (this suite's headline rule: the pass rate)";
  return markup`<section id="scorers" aria-labelledby="scorers-h"><h2 id="scorers-h">Scorers</h2><table class="stack"><thead><tr><th scope="col">scorer</th><th scope="col" class="n">mean</th><th scope="col" class="n">passed</th><th scope="col">what it measures</th></tr></thead><tbody>${rows}</tbody></table><p class="note">${rule}; a case passes when every scorer that applies to it passes and the engine did not fail.</p></section>`;
}

function chartSection(report: Report): SafeHtml {
  const speed = renderDecodeSpeedSvg(report.cases.map((c) => usageFigure(c, 'decodeTps')));
  return markup`<section id="charts" aria-labelledby="charts-h"><h2 id="charts-h">Charts</h2><h3>Case scores</h3>${chartBox(renderScoreHistogramSvg(report.cases.map((c) => c.score)))}${speed === null ? null : markup`<h3>Decode speed over the run</h3>${chartBox(speed)}`}</section>`;
}

/**
 * A chart at its own size (never scaled down, so its text stays at least 11 px), in a region that
 * scrolls sideways on a narrow screen and takes keyboard focus to do so.
 */
function chartBox(chart: SafeHtml | null): SafeHtml | null {
  return chart === null
    ? null
    : markup`<div class="chart-box" role="region" aria-label="Chart (scrolls sideways)" tabindex="0">${chart}</div>`;
}

function caseSection(report: Report, prompts: ReportPrompts): SafeHtml {
  const failing = report.cases.filter((c) => !c.passed).length;
  const cases = report.cases.map((c, index) => renderHtmlCase(c, index, caseTurns(prompts, c.id)));
  const problem = prompts.problem === null ? null : markup`<p class="note warn">${prompts.problem}</p>`;
  return markup`<section id="cases" aria-labelledby="cases-h"><h2 id="cases-h">Cases</h2><p class="note">${formatCount(report.cases.length)} cases, ${formatCount(failing)} not passed. Open a row for its prompt, output, parsed calls and verdicts. Outputs and prompts longer than ${formatCount(HTML_TEXT_LIMIT)} characters are cut here; the JSON report holds them whole.</p>${problem}<label class="filter"><input type="checkbox" id="only-failing"> show only the cases not passed</label><div class="cases"><div class="row head"><span></span><span>case</span><span>category</span><span>result</span><span>scorers</span><span class="n">decode</span><span>why not passed</span></div>${cases}</div></section>`;
}

function loadFact(load: Report['timings']['load']): string {
  if (load === null) return 'no model loaded';
  const bytes =
    load.bytesDownloaded === null ? '' : `, ${formatCount(load.bytesDownloaded)} bytes downloaded`;
  return `${formatMs(load.ms)}, ${load.fromCache ? 'from the browser cache' : 'downloaded'}${bytes}`;
}

function configurationFacts(report: Report): Fact[] {
  const t = report.timings;
  const facts: Fact[] = [
    { label: 'suite', value: `${report.suite.id} (version ${report.suite.version})` },
    { label: 'suite sha256', value: report.suite.hash },
    // URLs are shown as text, never as links: the page makes no request, even on a click.
    ...sourceFacts(report.source),
  ];
  for (const f of flattenFacts(report.params)) facts.push({ label: `param ${f.label}`, value: f.value });
  facts.push(
    { label: 'prompt template sha256', value: report.promptTemplateHash ?? 'not recorded' },
    { label: 'started', value: t.startedAt === null ? '–' : formatTimestamp(t.startedAt) },
    { label: 'finished', value: t.finishedAt === null ? '–' : formatTimestamp(t.finishedAt) },
    { label: 'total time', value: formatMs(t.totalMs) },
    { label: 'model load', value: loadFact(t.load) },
    { label: 'recorded', value: formatTimestamp(report.createdAt) },
    { label: 'recorded by', value: `${report.app.name} ${report.app.version} (${report.schema})` },
  );
  if (report.rescored !== null) {
    facts.push({
      label: 're-scored',
      value: `${formatTimestamp(report.rescored.at)} with tabeval ${report.rescored.appVersion}`,
    });
  }
  return facts;
}

/** A case's turns, after its own system message when it offers its own tools (the shared one is shown once). */
function caseTurns(prompts: ReportPrompts, id: string): ChatMessage[] | undefined {
  const turns = prompts.turns.get(id);
  const own = prompts.systemById.get(id);
  if (turns === undefined || own === undefined || own === '') return turns;
  return [{ role: 'system', content: own }, ...turns];
}

function configurationSection(report: Report, system: string | null, someOwn: boolean): SafeHtml {
  const cut = system === null ? null : truncateText(system, SYSTEM_PROMPT_LIMIT);
  const prompt =
    cut === null
      ? null
      : markup`<details><summary>System prompt sent with every case${someOwn ? ' that offers all tools' : ''} (${formatCount(cut.length)} characters)</summary><pre>\n${cut.text}</pre>${cut.truncated ? markup`<p class="note warn">Cut at ${formatCount(cut.text.length)} characters.</p>` : null}</details>`;
  return markup`<section id="configuration" aria-labelledby="configuration-h"><h2 id="configuration-h">Configuration</h2>${factList(configurationFacts(report))}${prompt}</section>`;
}

function deviceSection(report: Report): SafeHtml {
  const device = report.device;
  const limits = device === null ? [] : deviceLimitFacts(device);
  const body =
    device === null
      ? markup`<p class="note">No device was recorded (outputs scored outside the browser).</p>`
      : markup`${factList(deviceFacts(device))}${limits.length === 0 ? null : markup`<details><summary>Every GPU adapter limit (${formatCount(limits.length)})</summary>${factList(limits)}</details>`}`;
  return markup`<section id="device" aria-labelledby="device-h"><h2 id="device-h">Device</h2><p>${deviceLabel(device)}</p>${body}</section>`;
}

/**
 * The self-contained HTML report of a run: one file that opens offline and makes no network
 * request (no script, no external font, image or stylesheet, no links out; a Content-Security-Policy
 * forbids them too). Holds summary cards (overall with interval, macro, pass rate, success rate,
 * cases, median speeds), the category table with a bar chart, the scorers, charts of case scores
 * and decode speed over the run (inline SVG), the case table with expandable details, the
 * configuration and the device.
 *
 * Shows stored numbers; the only figures it derives are the median speeds (`runSpeedFigures`, the
 * comparison's implementation). Every string from the report is escaped (`markup` / `escapeHtml`);
 * outputs and prompts are cut at {@link HTML_TEXT_LIMIT} characters with a note. Light and dark
 * via prefers-color-scheme; print rules. Deterministic: the same report gives the same bytes in
 * the app and the CLI. Pure; never throws for a validated report.
 */
export function renderHtmlReport(report: Report): string {
  // Validates the embedded suite: the costliest step for a large run, so it is done once.
  const prompts = reportPrompts(report);
  const model = sourceModelId(report.source) ?? 'model not recorded';
  const title = `tabeval: ${report.suite.id} ${report.suite.version} · ${model}`;
  const byline = `${model} · ${deviceLabel(report.device)} · ${formatTimestamp(report.createdAt)} · ${describeSource(report.source)}${report.rescored === null ? '' : ' · re-scored'}`;
  const page = markup`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${report.suite.id} <span class="sub">${report.suite.version}</span></h1><p class="sub">${byline}</p></header>
<main>
${summarySection(report)}
${categorySection(report)}
${scorerSection(report)}
${chartSection(report)}
${caseSection(report, prompts)}
${configurationSection(report, prompts.system, prompts.systemById.size > 0)}
${deviceSection(report)}
</main>
<footer>tabeval report (${report.schema}). This file is self-contained: it loads nothing from the network and runs no script. Model output is shown as text, never as markup.</footer>
</body>
</html>
`;
  return page.toString();
}
