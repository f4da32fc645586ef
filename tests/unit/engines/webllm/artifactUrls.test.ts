import { describe, expect, it } from 'vitest';
import { modelArtifactUrls, resolveModelBaseUrl } from '../../../../src/engines/webllm/artifactUrls.ts';
import { MODEL_HOST_SOURCES, matchesHostSources } from '../../../../src/engines/webllm/modelHosts.ts';

describe('resolveModelBaseUrl (as WebLLM cleanModelUrl)', () => {
  it('appends resolve/main/ unless a revision is named', () => {
    expect(resolveModelBaseUrl('https://huggingface.co/mlc-ai/M')).toBe(
      'https://huggingface.co/mlc-ai/M/resolve/main/',
    );
    expect(resolveModelBaseUrl('https://huggingface.co/mlc-ai/M/')).toBe(
      'https://huggingface.co/mlc-ai/M/resolve/main/',
    );
    expect(resolveModelBaseUrl('https://huggingface.co/mlc-ai/M/resolve/v2')).toBe(
      'https://huggingface.co/mlc-ai/M/resolve/v2/',
    );
    expect(resolveModelBaseUrl('https://example.org/m/resolve/main/')).toBe(
      'https://example.org/m/resolve/main/',
    );
  });

  it('lists the artifact URLs WebLLM fetches', () => {
    expect(
      modelArtifactUrls('https://huggingface.co/mlc-ai/M', 'https://raw.githubusercontent.com/x/lib.wasm'),
    ).toEqual({
      base: 'https://huggingface.co/mlc-ai/M/resolve/main/',
      config: 'https://huggingface.co/mlc-ai/M/resolve/main/mlc-chat-config.json',
      tensorCache: 'https://huggingface.co/mlc-ai/M/resolve/main/tensor-cache.json',
      modelLib: 'https://raw.githubusercontent.com/x/lib.wasm',
    });
  });
});

describe('matchesHostSources', () => {
  it('matches the catalog hosts and the CDNs they redirect to, with CSP wildcard rules', () => {
    expect(MODEL_HOST_SOURCES).toContain('https://huggingface.co');
    for (const url of [
      'https://huggingface.co/mlc-ai/x',
      'https://cdn-lfs.huggingface.co/x',
      'https://cdn-lfs-us-1.hf.co/x',
      'https://cas-bridge.xethub.hf.co/x',
      'https://raw.githubusercontent.com/mlc-ai/x.wasm',
    ]) {
      expect(matchesHostSources(url), url).toBe(true);
    }
    for (const url of [
      'http://huggingface.co/x',
      'https://evilhuggingface.co/x',
      'https://hf.co.evil.org/x',
      'not a url',
    ]) {
      expect(matchesHostSources(url), url).toBe(false);
    }
  });
});
