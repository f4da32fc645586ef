// The compare page's state: runs from report files, from the address (#/compare?r=…) and from
// pasted links; the problems of the ones that could not be read; the baseline; and the case ids
// of bundled suites, so links of a bundled suite show case ids instead of positions.
import {
  compareComparableRuns,
  comparableFromReport,
  comparableFromSummary,
  type ComparableRun,
  type RunsComparison,
} from '../../core/compare/comparableRun.ts';
import { decodeResultsPayload, findResultsPayloads, type FoundPayload } from '../../core/link/resultsLink.ts';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { readReportFileInWorker } from '../runs/replay/replayClient.ts';
import type { ReportDiscrepancy } from '../../core/report/verifyReport.ts';
import { bundledSuiteIds, loadBundledSuite } from '../runs/suiteSources.ts';
import { suiteHashOf } from './shareContext.ts';

interface Decoded {
  runs: ComparableRun[];
  errors: string[];
}

function decodeAll(found: readonly FoundPayload[]): Decoded {
  const decoded: Decoded = { runs: [], errors: [] };
  for (const { payload, source } of found) {
    const result = decodeResultsPayload(payload);
    if (result.ok) decoded.runs.push(comparableFromSummary(source, result.value));
    else decoded.errors.push(`${source}: ${result.error}`);
  }
  return decoded;
}

export class CompareState {
  #files = $state.raw<ComparableRun[]>([]);
  #fileErrors = $state.raw<string[]>([]);
  #fileWarnings = $state.raw<string[]>([]);
  #pasted = $state('');
  #addressPayloads = $state.raw<string[]>([]);
  #baseline = $state(0);
  // Case ids of bundled suites by suite hash; suite ids already looked up.
  #knownIds = new SvelteMap<string, readonly string[]>();
  #tried = new SvelteSet<string>();

  #fromAddress = $derived(
    decodeAll(this.#addressPayloads.map((payload, i) => ({ payload, source: `address link ${i + 1}` }))),
  );
  #fromPasted = $derived(
    decodeAll(
      findResultsPayloads(this.#pasted).map((found) => ({ ...found, source: `pasted ${found.source}` })),
    ),
  );
  #runs = $derived([...this.#fromAddress.runs, ...this.#files, ...this.#fromPasted.runs]);
  #errors = $derived([...this.#fromAddress.errors, ...this.#fileErrors, ...this.#fromPasted.errors]);
  #effectiveBaseline = $derived(this.#baseline < this.#runs.length ? this.#baseline : 0);
  // The bootstrap intervals take a moment: computed once per change of runs or baseline.
  #comparison = $derived(
    this.#runs.length === 0
      ? null
      : compareComparableRuns(this.#runs, this.#effectiveBaseline, this.#knownIds),
  );

  get pasted(): string {
    return this.#pasted;
  }
  set pasted(text: string) {
    this.#pasted = text;
  }

  /** The `r` values of the page address. */
  set addressPayloads(payloads: string[]) {
    this.#addressPayloads = payloads;
  }

  /** Every run, in order: from the address, from files, from pasted links. */
  get runs(): ComparableRun[] {
    return this.#runs;
  }

  /** What could not be read, each with its source. */
  get errors(): string[] {
    return this.#errors;
  }

  get baseline(): number {
    return this.#effectiveBaseline;
  }
  set baseline(index: number) {
    this.#baseline = index;
  }

  /** Reports whose stored figures their own cases contradict (shown recomputed, with these notes). */
  get warnings(): readonly string[] {
    return this.#fileWarnings;
  }

  get comparison(): RunsComparison | null {
    return this.#comparison;
  }

  async addFiles(files: readonly File[]): Promise<void> {
    const added: ComparableRun[] = [];
    const errors: string[] = [];
    const warnings: string[] = [];
    for (const file of files) {
      const opened = await readReportFileInWorker(file);
      if (opened.ok) {
        added.push(comparableFromReport(file.name, opened.report));
        if (opened.discrepancies.length > 0)
          warnings.push(describeDiscrepancies(file.name, opened.discrepancies));
      } else errors.push(opened.message);
    }
    this.#files = [...this.#files, ...added];
    this.#fileErrors = [...this.#fileErrors, ...errors];
    this.#fileWarnings = [...this.#fileWarnings, ...warnings];
  }

  clear(): void {
    this.#files = [];
    this.#fileErrors = [];
    this.#fileWarnings = [];
    this.#pasted = '';
    this.#baseline = 0;
  }

  /** Looks up, once per suite id, the case ids of a bundled suite a link names (if its hash matches). */
  async resolveBundledIds(): Promise<void> {
    for (const run of this.runs) {
      const { id, hash } = run.summary.suite;
      if (run.report || this.#knownIds.has(hash) || this.#tried.has(id) || !bundledSuiteIds.includes(id))
        continue;
      this.#tried.add(id);
      const loaded = await loadBundledSuite(id);
      if (!loaded.ok || (await suiteHashOf(loaded.suite)) !== hash) continue;
      this.#knownIds.set(
        hash,
        loaded.suite.cases.map((c) => c.id),
      );
    }
  }
}

function describeDiscrepancies(name: string, found: readonly ReportDiscrepancy[]): string {
  const listed = found.map((d) => `${d.path}: ${d.message}`).join('; ');
  return `${name} was edited or is corrupt; its figures are shown as its cases give them (${listed})`;
}
