// The WebLLM worker: the only module that imports @mlc-ai/web-llm as values. A thin adapter:
// everything it exposes is built in workerApi.ts from pure, unit-tested functions.
import { expose } from 'comlink';
import { deleteModelAllInfoInCache, hasModelInCache, MLCEngine, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { getGpu } from '../../device/adapter.ts';
import { webllmVersion } from './models.ts';
import { createWorkerApi } from './workerApi.ts';
import { releaseCallback } from '../../workers/releaseCallback.ts';

const api = createWorkerApi({
  lib: {
    version: webllmVersion,
    prebuiltAppConfig,
    createEngine: () => new MLCEngine({ logLevel: 'WARN' }),
    hasModelInCache,
    deleteModelAllInfoInCache,
  },
  fetch: (input, init) => fetch(input, init),
  caches: self.caches,
  gpu: () => getGpu(self.navigator),
  now: () => performance.now(),
  release: releaseCallback,
});

expose(api);
