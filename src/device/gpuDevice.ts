// Creates a WebGPU device the way WebLLM does (same required limits) and runs a tiny compute
// pass on it. The worker exposes this so tests and the UI can see that a WebLLM-capable device
// really exists in the worker, where the model runs, even when no model can be downloaded.
import { readAdapterSummary, readFeatures, readLimits } from './adapter.ts';
import { webLlmRequiredLimits } from './requirements.ts';
import type { AdapterSummary, WebGpuStatus } from './types.ts';

export interface GpuDeviceCheck {
  status: WebGpuStatus;
  adapter: AdapterSummary | null;
  deviceCreated: boolean;
  requestedLimits: Record<string, number> | null;
  features: string[];
  /** A 4-element compute shader ran and read back the expected values. */
  computeOk: boolean;
  error: string | null;
}

// GPUBufferUsage / GPUMapMode flag values (WebGPU spec); the DOM typings do not declare the globals.
const STORAGE = 0x80;
const COPY_SRC = 0x04;
const COPY_DST = 0x08;
const MAP_READ = 0x01;
const MAP_MODE_READ = 0x1;

const DOUBLE_WGSL = `
@group(0) @binding(0) var<storage, read_write> data: array<f32>;
@compute @workgroup_size(4)
fn main(@builtin(global_invocation_id) id: vec3<u32>) { data[id.x] = data[id.x] * 2.0; }
`;

async function computeRoundTrip(device: GPUDevice): Promise<boolean> {
  const input = new Float32Array([1, 2, 3, 4]);
  const storage = device.createBuffer({
    size: input.byteLength,
    usage: STORAGE | COPY_SRC | COPY_DST,
  });
  const readback = device.createBuffer({
    size: input.byteLength,
    usage: MAP_READ | COPY_DST,
  });
  device.queue.writeBuffer(storage, 0, input);
  const pipeline = device.createComputePipeline({
    layout: 'auto',
    compute: { module: device.createShaderModule({ code: DOUBLE_WGSL }), entryPoint: 'main' },
  });
  const bindGroup = device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [{ binding: 0, resource: { buffer: storage } }],
  });
  const encoder = device.createCommandEncoder();
  const pass = encoder.beginComputePass();
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, bindGroup);
  pass.dispatchWorkgroups(1);
  pass.end();
  encoder.copyBufferToBuffer(storage, 0, readback, 0, input.byteLength);
  device.queue.submit([encoder.finish()]);
  await readback.mapAsync(MAP_MODE_READ);
  const out = Array.from(new Float32Array(readback.getMappedRange().slice(0)));
  readback.unmap();
  storage.destroy();
  readback.destroy();
  return out.join(',') === '2,4,6,8';
}

/** Never throws. The device is destroyed before returning. */
export async function checkWebLlmDevice(gpu: GPU | undefined): Promise<GpuDeviceCheck> {
  const result: GpuDeviceCheck = {
    status: 'no-api',
    adapter: null,
    deviceCreated: false,
    requestedLimits: null,
    features: [],
    computeOk: false,
    error: null,
  };
  if (!gpu) return result;
  let device: GPUDevice | undefined;
  try {
    const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) {
      result.status = 'no-adapter';
      return result;
    }
    result.status = 'available';
    result.adapter = await readAdapterSummary(adapter);
    result.features = readFeatures(adapter.features);
    const requiredLimits = webLlmRequiredLimits(readLimits(adapter.limits));
    result.requestedLimits = requiredLimits;
    const requiredFeatures = (['shader-f16'] as GPUFeatureName[]).filter((f) => adapter.features.has(f));
    device = await adapter.requestDevice({ requiredLimits, requiredFeatures });
    result.deviceCreated = true;
    result.computeOk = await computeRoundTrip(device);
  } catch (err) {
    result.error = String(err);
  } finally {
    device?.destroy();
  }
  return result;
}
