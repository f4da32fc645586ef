// The WebLLM worker: the only module that imports @mlc-ai/web-llm as values. A thin adapter:
// everything it exposes is built in workerApi.ts from pure, unit-tested functions.
import { expose } from 'comlink';
import { deleteModelAllInfoInCache, hasModelInCache, MLCEngine, prebuiltAppConfig } from '@mlc-ai/web-llm';
import { getGpu } from '../../device/adapter.ts';
import { webllmVersion } from './models.ts';
import { createWorkerApi } from './workerApi.ts';
import { releaseCallback } from '../../workers/releaseCallback.ts';
import { guardNetwork, HostPolicy } from './hostPolicy.ts';

// Before WebLLM runs: every download goes through the host policy (fetch and the Cache API).
const policy = new HostPolicy(self.location.origin);
guardNetwork(self, Cache.prototype, policy, self.location.href);

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
  policy,
});

expose(api);
