import type { ReportSource } from './schema.ts';

/** The model of a report's source as people name it; null when the source did not record one. */
export function sourceModelId(source: ReportSource): string | null {
  switch (source.kind) {
    case 'webllm':
      return source.model.id;
    case 'endpoint':
      return source.model;
    case 'outputs':
      return source.model;
  }
}

/** The engine behind a source, in words: `WebLLM 0.2.86 (in the tab)`, `llama.cpp server`. */
export function describeSource(source: ReportSource): string {
  switch (source.kind) {
    case 'webllm':
      return `WebLLM ${source.version} (in the tab)`;
    case 'endpoint':
      return source.server === null
        ? 'OpenAI-compatible server'
        : `${source.server} (OpenAI-compatible server)`;
    case 'outputs':
      return 'outputs given to the CLI';
  }
}

/** The facts of a source as label/value pairs, for configuration tables (HTML report, results view). */
export function sourceFacts(source: ReportSource): { label: string; value: string }[] {
  const facts = [
    { label: 'engine', value: describeSource(source) },
    { label: 'model', value: sourceModelId(source) ?? 'not recorded' },
  ];
  if (source.kind === 'webllm') {
    if (source.model.url !== null) facts.push({ label: 'model weights', value: source.model.url });
    if (source.model.libUrl !== null) facts.push({ label: 'model library', value: source.model.libUrl });
  }
  if (source.kind === 'endpoint' && source.origin !== null)
    facts.push({ label: 'server', value: source.origin });
  return facts;
}
