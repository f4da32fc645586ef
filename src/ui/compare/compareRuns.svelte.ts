// The compare page's state: runs from report files, from runs kept in this browser
// (#/compare?run=<id>, "Compare selected" on the runs page), from results links in the address
// (#/compare?r=…) and from pasted links; each run once (by `runIdentity`), with a note when one was
// already there; the problems of the ones that could not be read; the baseline; and the case ids
// of bundled suites, so links of a bundled suite show case ids instead of positions.
import {
  compareComparableRuns,
  comparableFromReport,
  comparableFromSummary,
  type ComparableRun,
  type RunsComparison,
} from '../../core/compare/comparableRun.ts';
import { buildCaseMatrix, type CaseMatrix } from '../../core/compare/caseMatrix.ts';
import { addDistinctRuns, runIdentity } from '../../core/compare/runIdentity.ts';
import { formatTimestamp } from '../../core/format/formatFigures.ts';
import { decodeResultsPayload, findResultsPayloads, type FoundPayload } from '../../core/link/resultsLink.ts';
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import { readReportFileInWorker } from '../runs/replay/replayClient.ts';
import type { ReportDiscrepancy } from '../../core/report/verifyReport.ts';
import { runsDb } from '../../storage/runsDb.ts';
import { bundledSuiteIds, loadBundledSuite } from '../runs/suiteSources.ts';
import { suiteHashOf } from './shareContext.ts';

/** Where a loaded run came from: the address and the pasted text are read again when they change. */
export type RunOrigin = 'address' | 'file' | 'pasted';

/** A run on the compare page. */
export interface LoadedRun {
  identity: string;
  run: ComparableRun;
  origin: RunOrigin;
}

interface Read {
  runs: ComparableRun[];
  errors: string[];
}

function decodeAll(found: readonly FoundPayload[], read: Read): void {
  for (const { payload, source } of found) {
    const result = decodeResultsPayload(payload);
    if (result.ok) read.runs.push(comparableFromSummary(source, result.value));
    else read.errors.push(`${source}: ${result.error}`);
  }
}

const RUN_ID = /^[\w-]{1,64}$/;

async function readStored(ids: readonly string[], read: Read): Promise<void> {
  for (const id of ids) {
    if (!RUN_ID.test(id)) {
      read.errors.push(`run "${id.slice(0, 80)}" in the address is not a run id`);
      continue;
    }
    let record;
    try {
      record = await runsDb.getRun(id);
    } catch (e) {
      read.errors.push(`run ${id}: the runs kept in this browser could not be read (${String(e)})`);
      continue;
    }
    if (record === undefined) {
      read.errors.push(`run ${id} is not kept in this browser (deleted, or kept in another browser)`);
    } else if (record.report === null) {
      read.errors.push(
        `run ${id} (${record.labels.model}) has no results yet: open it and let a pass finish`,
      );
    } else {
      const source = `${record.labels.model}, ${formatTimestamp(record.createdAt)} (kept in this browser)`;
      read.runs.push(comparableFromReport(source, record.report));
    }
  }
}

export class CompareState {
  #loaded = $state.raw<LoadedRun[]>([]);
  #errors = $state.raw<Record<RunOrigin, string[]>>({ address: [], file: [], pasted: [] });
  #duplicates = $state.raw<Record<RunOrigin, string[]>>({ address: [], file: [], pasted: [] });
  #fileWarnings = $state.raw<string[]>([]);
  #pasted = $state('');
  #baseline = $state(0);
  // Runs the user removed: the address and the pasted text do not bring them back.
  #removed = new SvelteSet<string>();
  // The latest read of the address and of the pasted text; older reads that finish later are dropped.
  #reads: Record<RunOrigin, number> = { address: 0, file: 0, pasted: 0 };
  // Case ids of bundled suites by suite hash; suite ids already looked up.
  #knownIds = new SvelteMap<string, readonly string[]>();
  #tried = new SvelteSet<string>();

  #runs = $derived(this.#loaded.map((loaded) => loaded.run));
  #effectiveBaseline = $derived(this.#baseline < this.#runs.length ? this.#baseline : 0);
  // The bootstrap intervals take a moment: computed once per change of runs or baseline.
  #comparison = $derived(
    this.#runs.length === 0
      ? null
      : compareComparableRuns(this.#runs, this.#effectiveBaseline, this.#knownIds),
  );
  #matrix = $derived(
    this.#comparison === null ? null : buildCaseMatrix(this.#comparison.reports, this.#effectiveBaseline),
  );

  get pasted(): string {
    return this.#pasted;
  }
  set pasted(text: string) {
    this.#pasted = text;
  }

  /** Every run, in the order loaded. */
  get runs(): ComparableRun[] {
    return this.#runs;
  }

  /** Every run with its identity and origin, in the order loaded. */
  get loaded(): readonly LoadedRun[] {
    return this.#loaded;
  }

  /** What could not be read, each with its source. */
  get errors(): string[] {
    return [...this.#errors.address, ...this.#errors.file, ...this.#errors.pasted];
  }

  /** Runs left out because the same run was already there, in words. */
  get duplicates(): string[] {
    return [...this.#duplicates.address, ...this.#duplicates.file, ...this.#duplicates.pasted];
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

  /** Cases × runs against the baseline. */
  get matrix(): CaseMatrix | null {
    return this.#matrix;
  }

  /** Reads the address: results links (`r`) and ids of runs kept in this browser (`run`). */
  async readAddress(payloads: readonly string[], runIds: readonly string[]): Promise<void> {
    const read: Read = { runs: [], errors: [] };
    decodeAll(
      payloads.map((payload, i) => ({ payload, source: `address link ${i + 1}` })),
      read,
    );
    await readStored(runIds, read);
    await this.#replace('address', read);
  }

  /** Reads the pasted text's results links. */
  async readPasted(text: string): Promise<void> {
    const read: Read = { runs: [], errors: [] };
    decodeAll(
      findResultsPayloads(text).map((found) => ({ ...found, source: `pasted ${found.source}` })),
      read,
    );
    await this.#replace('pasted', read);
  }

  async addFiles(files: readonly File[]): Promise<void> {
    const read: Read = { runs: [], errors: [] };
    const warnings: string[] = [];
    for (const file of files) {
      const opened = await readReportFileInWorker(file);
      if (opened.ok) {
        read.runs.push(comparableFromReport(file.name, opened.report));
        if (opened.discrepancies.length > 0)
          warnings.push(describeDiscrepancies(file.name, opened.discrepancies));
      } else read.errors.push(opened.message);
    }
    const candidates = await this.#identify(read.runs);
    // Choosing a file again is asking for it: a removed run comes back.
    for (const c of candidates) this.#removed.delete(c.identity);
    const { added, duplicates } = addDistinctRuns(this.#loaded, candidates);
    this.#loaded = [...this.#loaded, ...added.map((c): LoadedRun => ({ ...c, origin: 'file' }))];
    this.#errors = { ...this.#errors, file: [...this.#errors.file, ...read.errors] };
    this.#duplicates = {
      ...this.#duplicates,
      file: [...this.#duplicates.file, ...duplicates.map((d) => this.#describeDuplicate(d.run.run, d.of))],
    };
    this.#fileWarnings = [...this.#fileWarnings, ...warnings];
  }

  /** Takes run `index` off the page. */
  remove(index: number): void {
    const gone = this.#loaded[index];
    if (gone === undefined) return;
    this.#removed.add(gone.identity);
    this.#loaded = this.#loaded.filter((_, i) => i !== index);
    if (this.#baseline === index) this.#baseline = 0;
    else if (this.#baseline > index) this.#baseline -= 1;
  }

  clear(): void {
    this.#loaded = this.#loaded.filter((loaded) => loaded.origin === 'address');
    this.#errors = { ...this.#errors, file: [], pasted: [] };
    this.#duplicates = { ...this.#duplicates, file: [], pasted: [] };
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

  async #identify(runs: readonly ComparableRun[]): Promise<{ identity: string; run: ComparableRun }[]> {
    return Promise.all(runs.map(async (run) => ({ identity: await runIdentity(run), run })));
  }

  // Puts the runs of one origin in place of the ones it gave before, each once.
  async #replace(origin: 'address' | 'pasted', read: Read): Promise<void> {
    const ticket = ++this.#reads[origin];
    const candidates = (await this.#identify(read.runs)).filter((c) => !this.#removed.has(c.identity));
    if (ticket !== this.#reads[origin]) return;
    const kept = this.#loaded.filter((loaded) => loaded.origin !== origin);
    const { added, duplicates } = addDistinctRuns(kept, candidates);
    const placed = added.map((c): LoadedRun => ({ ...c, origin }));
    // The address comes first, as it did before anything else was added.
    this.#loaded = origin === 'address' ? [...placed, ...kept] : [...kept, ...placed];
    this.#errors = { ...this.#errors, [origin]: read.errors };
    this.#duplicates = {
      ...this.#duplicates,
      [origin]: duplicates.map((d) => this.#describeDuplicate(d.run.run, d.of, [...kept, ...placed])),
    };
  }

  // `of` indexes `list`, the order `addDistinctRuns` saw; the run number is the one shown now.
  #describeDuplicate(run: ComparableRun, of: number, list: readonly LoadedRun[] = this.#loaded): string {
    const twin = list[of];
    const where = twin === undefined ? '' : `Run ${this.#loaded.indexOf(twin) + 1} (${twin.run.source})`;
    return `${run.source} is the same run as ${where || 'one already here'} (same results summary, SHA-256); it was not added again.`;
  }
}

function describeDiscrepancies(name: string, found: readonly ReportDiscrepancy[]): string {
  const listed = found.map((d) => `${d.path}: ${d.message}`).join('; ');
  return `${name} was edited or is corrupt; its figures are shown as its cases give them (${listed})`;
}
