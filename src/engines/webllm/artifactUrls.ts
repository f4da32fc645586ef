// The URLs WebLLM derives from a model record, computed the same way WebLLM does
// (cleanModelUrl in @mlc-ai/web-llm: append "resolve/main/" unless the URL names a revision).

/** The files of one MLC model build, in the order WebLLM fetches them. */
export interface ModelArtifactUrls {
  /** Folder the files are resolved against (ends with "/"). */
  base: string;
  config: string;
  modelLib: string;
  tensorCache: string;
}

const RESOLVE_SEGMENT = /\/resolve\/[^/]+\//;

/** `https://huggingface.co/org/model` -> `https://huggingface.co/org/model/resolve/main/`. */
export function resolveModelBaseUrl(modelUrl: string): string {
  let url = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  if (!RESOLVE_SEGMENT.test(url)) url += 'resolve/main/';
  return new URL(url).href;
}

export function modelArtifactUrls(modelUrl: string, modelLibUrl: string): ModelArtifactUrls {
  const base = resolveModelBaseUrl(modelUrl);
  return {
    base,
    config: new URL('mlc-chat-config.json', base).href,
    modelLib: modelLibUrl,
    tensorCache: new URL('tensor-cache.json', base).href,
  };
}
