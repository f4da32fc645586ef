import { readFileSync } from 'node:fs';
import { createMemoryRunStore } from '../../../src/core/run/runStore.ts';
import { createReplayWorkerApi } from '../../../src/ui/runs/replay/replayWorkerApi.ts';
import { it } from 'vitest';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
it('t', async () => {
const text = readFileSync('/work/main/perf/tmp/app-10000.report.json', 'utf8');
const api = createReplayWorkerApi({ store: createMemoryRunStore(), release: () => undefined });
const session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.start');
let t = performance.now();
const phases: [string, number][] = [];
const opened = await api.openReport(new File([text], 'r.json'), 'instant', (p) => phases.push([p, Math.round(performance.now() - t)]));
console.log('open', Math.round(performance.now() - t), JSON.stringify(phases));
if (!opened.ok) throw new Error(opened.message);
for (let i = 0; i < opened.slices; i++) api.slice(opened.runId, i);
t = performance.now();
const end = await api.executeReplay(opened.runId, null, null, { onProgress: () => undefined, onToken: () => undefined });
const { profile } = await session.post('Profiler.stop'); writeFileSync('/tmp/prof/w.cpuprofile', JSON.stringify(profile));
console.log('replay', Math.round(performance.now() - t), end.ok);

}, 120000);
