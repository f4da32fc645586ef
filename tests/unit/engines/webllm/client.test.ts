// The page-side client over a real comlink channel (a MessageChannel standing in for the Worker).
import { expose } from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import type { EngineInfo, EngineResult, LoadProgress } from '../../../../src/core/engine.ts';
import { WebLlmEngine } from '../../../../src/engines/webllm/client.ts';
import type { WebLlmWorkerApi } from '../../../../src/engines/webllm/protocol.ts';
import { generationRequest } from '../../helpers/generationRequest.ts';

const INFO: EngineInfo = {
  kind: 'webllm',
  version: '0.2.86',
  source: {
    kind: 'webllm',
    version: '0.2.86',
    model: {
      id: 'm',
      url: 'https://huggingface.co/mlc-ai/m',
      libUrl: 'https://raw.githubusercontent.com/m.wasm',
    },
  },
  load: { ms: 5, fromCache: false, bytesDownloaded: 10 },
  contextWindow: 4096,
};

type FakeApi = Partial<WebLlmWorkerApi>;

interface FakeWorker {
  worker: Worker;
  terminated: boolean;
  fail(message: string): void;
}

/** Each call of the factory is one "worker": the api is exposed on one end of a MessageChannel. */
function factory(makeApi: () => FakeApi) {
  const workers: FakeWorker[] = [];
  const create = (): Worker => {
    const { port1, port2 } = new MessageChannel();
    expose(makeApi(), port1);
    const errorListeners: ((e: ErrorEvent) => void)[] = [];
    const addPortListener = port2.addEventListener.bind(port2);
    const fake: FakeWorker = {
      terminated: false,
      fail: (message) => errorListeners.forEach((l) => l({ message, preventDefault() {} } as ErrorEvent)),
      worker: Object.assign(port2, {
        terminate() {
          fake.terminated = true;
          port1.close();
          port2.close();
        },
        addEventListener(type: string, listener: EventListener) {
          if (type === 'error') errorListeners.push(listener as (e: ErrorEvent) => void);
          else addPortListener(type, listener);
        },
      }) as unknown as Worker,
    };
    port2.start();
    workers.push(fake);
    return fake.worker;
  };
  return { create, workers };
}

describe('WebLlmEngine (page side)', () => {
  it('loads through the worker, forwarding progress through a proxy', async () => {
    const f = factory(() => ({
      async load(_runId, _model, onProgress) {
        await onProgress({ phase: 'fetch', stage: 'prepare', fraction: 0, text: 'x', elapsedSeconds: 0 });
        return { ok: true, value: INFO };
      },
    }));
    const engine = new WebLlmEngine(f.create);
    const seen: LoadProgress[] = [];
    const result = await engine.load(
      { engine: 'webllm', kind: 'catalog', modelId: 'm' },
      (p) => void seen.push(p),
    );
    expect(result).toEqual({ ok: true, value: INFO });
    expect(seen.map((p) => p.stage)).toEqual(['prepare']);
    expect(await engine.info()).toEqual(INFO);
    engine.dispose();
  });

  it('cancels a load at once by stopping the worker; the next call gets a fresh worker', async () => {
    const f = factory(() => ({
      load: () => new Promise<EngineResult<EngineInfo>>(() => undefined), // never finishes
      cachedModelIds: async () => ({ ok: true, value: ['m'] }),
    }));
    const engine = new WebLlmEngine(f.create);
    const loading = engine.load({ engine: 'webllm', kind: 'catalog', modelId: 'm' }, () => undefined);
    expect(engine.loading).toBe(true);
    engine.cancelLoad();
    expect(await loading).toEqual({ ok: false, error: expect.objectContaining({ name: 'LoadCancelled' }) });
    expect(f.workers[0]?.terminated).toBe(true);
    expect(await engine.cachedModelIds([])).toEqual({ ok: true, value: ['m'] });
    expect(f.workers).toHaveLength(2);
    engine.dispose();
  });

  it('replaces the worker after a failed load', async () => {
    const f = factory(() => ({
      load: async () => ({ ok: false, error: { name: 'NetworkError', message: 'x' } }),
    }));
    const engine = new WebLlmEngine(f.create);
    const r = await engine.load({ engine: 'webllm', kind: 'catalog', modelId: 'm' }, () => undefined);
    expect(!r.ok && r.error.name).toBe('NetworkError');
    expect(f.workers[0]?.terminated).toBe(true);
    await engine.load({ engine: 'webllm', kind: 'catalog', modelId: 'm' }, () => undefined);
    expect(f.workers).toHaveLength(2);
    engine.dispose();
  });

  it('ends pending calls when the worker fails or is stopped', async () => {
    const f = factory(() => ({ cacheInventory: () => new Promise(() => undefined) }));
    const engine = new WebLlmEngine(f.create);
    const pending = engine.cacheInventory([]);
    await vi.waitFor(() => expect(f.workers).toHaveLength(1));
    f.workers[0]?.fail('Refused to load the script');
    expect(await pending).toEqual({
      ok: false,
      error: expect.objectContaining({ name: 'WorkerFailed', detail: 'Refused to load the script' }),
    });
    const stopped = engine.cacheInventory([]);
    engine.dispose();
    expect(await stopped).toEqual({ ok: false, error: expect.objectContaining({ name: 'WorkerStopped' }) });
  });

  it('streams tokens through a proxy and drops the result of a superseded generation', async () => {
    let finishFirst: () => void = () => undefined;
    const f = factory(() => ({
      async generate(runId, _request, onTokens) {
        await onTokens(`run ${runId}`);
        if (runId === 1) await new Promise<void>((resolve) => (finishFirst = resolve));
        const usage = {
          promptTokens: 1,
          completionTokens: 1,
          ttftMs: 1,
          prefillTps: 1,
          decodeTps: 1,
          e2eMs: 1,
        };
        return {
          ok: true,
          value: { text: `run ${runId}`, finishReason: 'stop', usage: { reported: usage, measured: usage } },
        };
      },
    }));
    const engine = new WebLlmEngine(f.create);
    const request = generationRequest([], { max_tokens: 4, seed: 0 });
    const tokens: string[] = [];
    const first = engine.generate(request, (t) => void tokens.push(t));
    await vi.waitFor(() => expect(tokens).toEqual(['run 1']));
    const second = await engine.generate(request, (t) => void tokens.push(t));
    expect(second.ok && second.value.text).toBe('run 2');
    finishFirst();
    expect(await first).toEqual({ ok: false, error: expect.objectContaining({ name: 'Superseded' }) });
    engine.dispose();
  });
});
