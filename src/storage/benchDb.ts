// Benchmark results and model load times kept in this browser, in their own IndexedDB database
// (`tabeval-bench`), apart from the eval runs.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { deviceLabel } from '../core/report/deviceLabel.ts';
import type { BenchResult, DeviceBlock, LoadRecords } from '../throughput/schema.ts';

/** A kept result: run here, or imported from a file. */
export interface StoredBench {
  id: string;
  savedAt: string;
  origin: 'run' | 'import';
  result: BenchResult;
}

/** Cold and warm load times of one model on one device. */
interface StoredLoads {
  key: string;
  device: string;
  modelId: string;
  records: LoadRecords;
}

interface BenchSchema extends DBSchema {
  results: { key: string; value: StoredBench; indexes: { bySavedAt: string } };
  loads: { key: string; value: StoredLoads };
}

const DB_NAME = 'tabeval-bench';
const DB_VERSION = 1;

let dbPromise: Promise<IDBPDatabase<BenchSchema>> | null = null;

function db(): Promise<IDBPDatabase<BenchSchema>> {
  dbPromise ??= openDB<BenchSchema>(DB_NAME, DB_VERSION, {
    upgrade(database) {
      database.createObjectStore('results', { keyPath: 'id' }).createIndex('bySavedAt', 'savedAt');
      database.createObjectStore('loads', { keyPath: 'key' });
    },
  });
  return dbPromise;
}

/** Plain data for structured cloning (Svelte state proxies cannot be cloned). */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Keeps a result; returns its id. */
export async function saveBenchResult(result: BenchResult, origin: StoredBench['origin']): Promise<string> {
  const id = crypto.randomUUID();
  await (await db()).put('results', plain({ id, savedAt: new Date().toISOString(), origin, result }));
  return id;
}

/** Every kept result, newest first. */
export async function listBenchResults(): Promise<StoredBench[]> {
  return (await (await db()).getAllFromIndex('results', 'bySavedAt')).reverse();
}

export async function deleteBenchResult(id: string): Promise<void> {
  await (await db()).delete('results', id);
}

function loadsKey(device: DeviceBlock | null, modelId: string): { key: string; device: string } {
  const name = deviceLabel(device);
  return { key: JSON.stringify([name, modelId]), device: name };
}

/** The load times kept for this device (by its name in tables) and model; null when none. */
export async function getLoadRecords(
  device: DeviceBlock | null,
  modelId: string,
): Promise<LoadRecords | null> {
  const row = await (await db()).get('loads', loadsKey(device, modelId).key);
  return row?.records ?? null;
}

export async function putLoadRecords(
  device: DeviceBlock | null,
  modelId: string,
  records: LoadRecords,
): Promise<void> {
  const { key, device: name } = loadsKey(device, modelId);
  await (await db()).put('loads', plain({ key, device: name, modelId, records }));
}
