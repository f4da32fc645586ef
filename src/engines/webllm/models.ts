// The model catalog the page uses. It is derived at build time from the installed WebLLM's
// prebuiltAppConfig (scripts/gen-model-catalog.ts), so the page never imports WebLLM values.
import catalogFile from './catalog.generated.json';
import type { CatalogFile, CatalogModel } from './catalogDerive.ts';

export type { CatalogModel } from './catalogDerive.ts';

const catalog = catalogFile as CatalogFile;

/** The WebLLM version the catalog (and the worker) was built against. */
export const webllmVersion: string = catalog.webllmVersion;

/** Every Qwen2.5-Coder build of the installed WebLLM, smallest first. */
export const modelCatalog: readonly CatalogModel[] = catalog.models;

/** The default: the 1.5B model, in whichever build the device's shaders can run. */
export const RECOMMENDED_SIZE = '1.5B';

export function findCatalogModel(id: string): CatalogModel | undefined {
  return modelCatalog.find((m) => m.id === id);
}

/** The same size with f32 shaders (for devices without `shader-f16`), if the catalog has it. */
export function f32Alternative(id: string): CatalogModel | undefined {
  const model = findCatalogModel(id);
  if (!model || model.shaderPrecision === 'f32') return undefined;
  const wanted = model.quantization.startsWith('q0') ? 'q0f32' : 'q4f32_1';
  return modelCatalog.find((m) => m.paramsLabel === model.paramsLabel && m.quantization === wanted);
}

/** The next smaller size in the same precision, for "out of memory" advice. */
export function smallerAlternative(id: string): CatalogModel | undefined {
  const model = findCatalogModel(id);
  if (!model) return undefined;
  const smaller = modelCatalog.filter(
    (m) => m.params < model.params && m.shaderPrecision === model.shaderPrecision && m.weightBits <= 4,
  );
  return smaller.at(-1);
}
