// What the device probe finds: the report's device schema is the one definition
// (core/report/deviceSchema.ts). A plain, JSON-serialisable object: shown on the start page and
// recorded in reports.
import type * as v from 'valibot';
import type {
  AdapterSummarySchema,
  DeviceInfoSchema,
  StorageSummarySchema,
  UaHintsSchema,
  WebGpuStatusSchema,
} from '../core/report/deviceSchema.ts';

export type AdapterSummary = v.InferOutput<typeof AdapterSummarySchema>;
export type StorageSummary = v.InferOutput<typeof StorageSummarySchema>;
/** User-Agent client hints (Chromium only; null elsewhere). */
export type UaHints = v.InferOutput<typeof UaHintsSchema>;
export type WebGpuStatus = v.InferOutput<typeof WebGpuStatusSchema>;
export type DeviceInfo = v.InferOutput<typeof DeviceInfoSchema>;
