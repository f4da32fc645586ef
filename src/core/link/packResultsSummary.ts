import { ByteReader, LinkDataError } from './ByteReader.ts';
import { ByteWriter } from './ByteWriter.ts';
import { LINK_SOURCES, type ResultsSummary } from './resultsSummary.ts';
import { TOOL_CALL_MODES } from '../report/paramsSchema.ts';

// The binary layout of a results summary (version 1). Doubles are stored exactly (8 bytes, little-
// endian); counts as LEB128; texts as a count then UTF-8. Per-case facts are three bitsets in suite
// order (reached, passed, has output) followed by 4 bytes of output hash per case that has one.

// Codes are positions in these lists: new values are only ever appended.
const SOURCES = LINK_SOURCES;
const MODES = TOOL_CALL_MODES;
const HAS_MODEL = 1;
const HAS_PARAMS = 2;
const HAS_DEVICE = 4;
const HAS_TEMPLATE = 8;
const PARAM_NUMBERS = ['temperature', 'top_p', 'max_tokens', 'seed'] as const;
const SPEEDS = ['decodeTps', 'prefillTps', 'ttftMs', 'loadMs'] as const;

type Interval = ResultsSummary['overallInterval'];

/** The bytes of a summary (validate it first: a count that is not a whole number is written wrongly). */
export function packResultsSummary(s: ResultsSummary): Uint8Array {
  const w = new ByteWriter();
  w.u8(
    (s.model ? HAS_MODEL : 0) |
      (s.params ? HAS_PARAMS : 0) |
      (s.device ? HAS_DEVICE : 0) |
      (s.promptTemplateHash !== null ? HAS_TEMPLATE : 0),
  );
  w.string(s.createdAt);
  w.u8(SOURCES.indexOf(s.source));
  w.string(s.suite.id);
  w.string(s.suite.version);
  w.bytes(hexToBytes(s.suite.hash));
  w.varint(s.suite.caseCount);
  if (s.model) w.string(s.model.id);
  if (s.promptTemplateHash !== null) w.bytes(hexToBytes(s.promptTemplateHash));
  if (s.params) {
    const p = s.params;
    let mask = 0;
    PARAM_NUMBERS.forEach((key, bit) => (mask |= p[key] === null ? 0 : 1 << bit));
    if (p.tool_call_mode !== null) mask |= 1 << PARAM_NUMBERS.length;
    w.u8(mask);
    for (const key of PARAM_NUMBERS) {
      const value = p[key];
      if (value !== null) w.f64(value);
    }
    if (p.tool_call_mode !== null) w.u8(MODES.indexOf(p.tool_call_mode));
  }
  if (s.device) {
    w.string(s.device.vendor);
    w.string(s.device.architecture);
    w.u8(s.device.isFallbackAdapter === null ? 2 : s.device.isFallbackAdapter ? 1 : 0);
    w.string(s.device.label);
  }
  w.f64(s.overall);
  writeInterval(w, s.overallInterval);
  w.f64(s.macro);
  w.f64(s.passRate);
  writeInterval(w, s.passRateInterval);
  w.f64(s.successRate);
  w.varint(s.n);
  w.varint(s.categories.length);
  for (const c of s.categories) {
    w.string(c.name);
    w.f64(c.mean);
    w.varint(c.n);
    w.varint(c.passed);
    writeInterval(w, c.meanInterval);
  }
  let speedMask = 0;
  SPEEDS.forEach((key, bit) => (speedMask |= s.speed[key] === null ? 0 : 1 << bit));
  w.u8(speedMask);
  for (const key of SPEEDS) {
    const value = s.speed[key];
    if (value !== null) w.f64(value);
  }
  w.bytes(bitset(s.cases.map((c) => c.passed !== null)));
  w.bytes(bitset(s.cases.map((c) => c.passed === true)));
  w.bytes(bitset(s.cases.map((c) => c.output !== null)));
  for (const c of s.cases) if (c.output !== null) w.bytes(hexToBytes(c.output));
  return w.finish();
}

/**
 * Reads the bytes {@link packResultsSummary} wrote, into a value still to be validated against
 * `ResultsSummarySchema` (ranges are not checked here, only the layout). Throws `LinkDataError`
 * when the bytes end early, hold an impossible code or go on after the summary.
 */
export function unpackResultsSummary(bytes: Uint8Array): unknown {
  const r = new ByteReader(bytes);
  const flags = r.u8('the header');
  if (flags & ~(HAS_MODEL | HAS_PARAMS | HAS_DEVICE | HAS_TEMPLATE))
    throw new LinkDataError('the header has unknown flags');
  const createdAt = r.string('the date');
  const source = SOURCES[r.u8('the source')];
  if (source === undefined) throw new LinkDataError('the source code is unknown');
  const suite = {
    id: r.string('the suite id'),
    version: r.string('the suite version'),
    hash: bytesToHex(r.bytes(32, 'the suite hash')),
    caseCount: r.varint('the case count'),
  };
  const model = flags & HAS_MODEL ? { id: r.string('the model id') } : null;
  const promptTemplateHash =
    flags & HAS_TEMPLATE ? bytesToHex(r.bytes(32, 'the prompt template hash')) : null;
  const params = flags & HAS_PARAMS ? readParams(r) : null;
  const device = flags & HAS_DEVICE ? readDevice(r) : null;
  const overall = r.f64('the overall score');
  const overallInterval = readInterval(r, 'the overall interval');
  const macro = r.f64('the macro score');
  const passRate = r.f64('the pass rate');
  const passRateInterval = readInterval(r, 'the pass-rate interval');
  const successRate = r.f64('the success rate');
  const n = r.varint('the case total');
  const categoryCount = r.varint('the category count');
  if (categoryCount > r.remaining) throw new LinkDataError('the category count is larger than the data');
  const categories = [];
  for (let i = 0; i < categoryCount; i += 1) {
    categories.push({
      name: r.string(`category ${i + 1}`),
      mean: r.f64(`category ${i + 1}`),
      n: r.varint(`category ${i + 1}`),
      passed: r.varint(`category ${i + 1}`),
      meanInterval: readInterval(r, `category ${i + 1}`),
    });
  }
  const speedMask = r.u8('the speed figures');
  if (speedMask >= 1 << SPEEDS.length) throw new LinkDataError('the speed figures have unknown flags');
  const speed: Record<string, number | null> = {};
  SPEEDS.forEach((key, bit) => (speed[key] = speedMask & (1 << bit) ? r.f64(`the ${key} figure`) : null));
  const bytesPerSet = Math.ceil(suite.caseCount / 8);
  if (bytesPerSet * 3 > r.remaining) throw new LinkDataError('the data ends inside the per-case bits');
  const reached = readBitset(r, suite.caseCount, 'the reached-case bits');
  const passed = readBitset(r, suite.caseCount, 'the pass/fail bits');
  const hashed = readBitset(r, suite.caseCount, 'the output bits');
  const cases = reached.map((isReached, i) => {
    if (!isReached && (passed[i] || hashed[i]))
      throw new LinkDataError(`case ${i + 1} has results but was not run`);
    return {
      passed: isReached ? passed[i] : null,
      output: hashed[i] ? bytesToHex(r.bytes(4, 'the output hashes')) : null,
    };
  });
  if (r.remaining > 0) throw new LinkDataError(`${r.remaining} bytes follow the summary`);
  return {
    createdAt,
    source,
    suite,
    model,
    promptTemplateHash,
    params,
    device,
    overall,
    overallInterval,
    macro,
    passRate,
    passRateInterval,
    successRate,
    n,
    categories,
    speed,
    cases,
  };
}

function writeInterval(w: ByteWriter, i: Interval): void {
  w.f64(i.low);
  w.f64(i.high);
  w.string(i.method);
}

function readInterval(r: ByteReader, what: string): Interval {
  return { low: r.f64(what), high: r.f64(what), method: r.string(what) };
}

function readParams(r: ByteReader): unknown {
  const mask = r.u8('the parameters');
  if (mask >= 1 << (PARAM_NUMBERS.length + 1)) throw new LinkDataError('the parameters have unknown flags');
  const params: Record<string, unknown> = {};
  PARAM_NUMBERS.forEach((key, bit) => (params[key] = mask & (1 << bit) ? r.f64(`parameter ${key}`) : null));
  if (mask & (1 << PARAM_NUMBERS.length)) {
    const mode = MODES[r.u8('parameter tool_call_mode')];
    if (mode === undefined) throw new LinkDataError('the tool-call mode code is unknown');
    params['tool_call_mode'] = mode;
  } else {
    params['tool_call_mode'] = null;
  }
  return params;
}

function readDevice(r: ByteReader): unknown {
  const vendor = r.string('the GPU vendor');
  const architecture = r.string('the GPU architecture');
  const fallback = r.u8('the fallback flag');
  if (fallback > 2) throw new LinkDataError('the fallback flag is not 0, 1 or 2');
  return {
    vendor,
    architecture,
    isFallbackAdapter: fallback === 2 ? null : fallback === 1,
    label: r.string('the device label'),
  };
}

function bitset(values: readonly boolean[]): Uint8Array {
  const bytes = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((value, i) => {
    if (value) bytes[i >> 3]! |= 1 << (i & 7);
  });
  return bytes;
}

function readBitset(r: ByteReader, count: number, what: string): boolean[] {
  const bytes = r.bytes(Math.ceil(count / 8), what);
  const values: boolean[] = [];
  for (let i = 0; i < count; i += 1) values.push((bytes[i >> 3]! & (1 << (i & 7))) !== 0);
  // Bits past the last case must be zero, so each summary has one spelling.
  if (count % 8 !== 0 && bytes[bytes.length - 1]! >> (count % 8) !== 0) {
    throw new LinkDataError(`${what} have bits past the last case`);
  }
  return values;
}

function hexToBytes(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function bytesToHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
