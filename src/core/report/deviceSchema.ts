// The device block of reports and bench results: what the device probe found, the user's label for
// the device and the browser's version. One definition; src/device/types.ts infers from it.
import * as v from 'valibot';
import { byteCount, count, finiteNumber, isoDateTime, shortText } from '../validation/fields.ts';
import { ownRecord } from '../validation/ownRecord.ts';

const name = shortText(500);

/** The GPU adapter. `isFallbackAdapter`: software (e.g. SwiftShader): results valid, speeds not. */
export const AdapterSummarySchema = v.strictObject({
  vendor: name,
  architecture: name,
  device: name,
  description: name,
  isFallbackAdapter: v.boolean(),
});

/** Storage quota and use for this origin. */
export const StorageSummarySchema = v.strictObject({
  quotaBytes: v.nullable(byteCount),
  usageBytes: v.nullable(byteCount),
  persisted: v.nullable(v.boolean()),
});

const BrandSchema = v.strictObject({ brand: name, version: name });

/** User-Agent client hints (Chromium only). */
export const UaHintsSchema = v.strictObject({
  brands: v.pipe(v.array(BrandSchema), v.maxLength(32)),
  mobile: v.nullable(v.boolean()),
  platform: v.nullable(name),
  platformVersion: v.nullable(name),
  architecture: v.nullable(name),
  bitness: v.nullable(name),
  model: v.nullable(name),
  fullVersionList: v.pipe(v.array(BrandSchema), v.maxLength(32)),
});

/**
 * `available`: navigator.gpu and an adapter; `no-api`: no navigator.gpu (browser, flag, insecure
 * context); `no-adapter`: requestAdapter() gave null; `error`: requestAdapter() threw.
 */
export const WebGpuStatusSchema = v.picklist(['available', 'no-api', 'no-adapter', 'error']);

/** What the device probe found: shown on the start page and recorded in reports. */
export const DeviceInfoSchema = v.strictObject({
  schema: v.literal('tabeval.device/1'),
  probedAt: isoDateTime,
  webgpu: WebGpuStatusSchema,
  webgpuError: v.nullable(shortText()),
  adapter: v.nullable(AdapterSummarySchema),
  /** Adapter features, sorted. */
  features: v.pipe(v.array(name), v.maxLength(256)),
  /** Every numeric adapter limit, by name. */
  limits: ownRecord(name, finiteNumber),
  cores: v.nullable(count),
  /** navigator.deviceMemory: RAM in GB, rounded and capped by the browser. */
  deviceMemoryGB: v.nullable(v.pipe(finiteNumber, v.minValue(0))),
  userAgent: shortText(),
  uaHints: v.nullable(UaHintsSchema),
  storage: v.nullable(StorageSummarySchema),
  secureContext: v.boolean(),
});

const probeEntries = DeviceInfoSchema.entries;

/**
 * The device block: every probe field (absent when the probe had not run), the user's label
 * ("M2 Air, battery") and the browser's full version.
 */
export const DeviceBlockSchema = v.strictObject({
  label: v.nullable(shortText(200)),
  browserVersion: v.nullable(shortText(200)),
  schema: v.exactOptional(probeEntries.schema),
  probedAt: v.exactOptional(probeEntries.probedAt),
  webgpu: v.exactOptional(probeEntries.webgpu),
  webgpuError: v.exactOptional(probeEntries.webgpuError),
  adapter: v.exactOptional(probeEntries.adapter),
  features: v.exactOptional(probeEntries.features),
  limits: v.exactOptional(probeEntries.limits),
  cores: v.exactOptional(probeEntries.cores),
  deviceMemoryGB: v.exactOptional(probeEntries.deviceMemoryGB),
  userAgent: v.exactOptional(probeEntries.userAgent),
  uaHints: v.exactOptional(probeEntries.uaHints),
  storage: v.exactOptional(probeEntries.storage),
  secureContext: v.exactOptional(probeEntries.secureContext),
});
