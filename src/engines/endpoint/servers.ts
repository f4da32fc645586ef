// The OpenAI-compatible servers people run their own models with: how to start each one, where
// its API lives, and how to let a web page's origin call it. The engine's errors quote these, so
// the next step is a command to copy rather than a search.

/** One server program. */
export interface KnownServer {
  name: string;
  /** A command that starts it with a Qwen2.5-Coder model. */
  start: string;
  /** The base URL it serves the API at by default. */
  baseUrl: string;
  /** How to allow a web page's origin (`{origin}`) to call it. */
  allowOrigin: string;
}

export const KNOWN_SERVERS: readonly KnownServer[] = [
  {
    name: 'llama.cpp',
    start: 'llama-server -hf Qwen/Qwen2.5-Coder-1.5B-Instruct-GGUF --port 8080',
    baseUrl: 'http://127.0.0.1:8080/v1',
    allowOrigin:
      'answers every origin by default; builds with --cors-origins: llama-server … --cors-origins {origin}',
  },
  {
    name: 'Ollama',
    start: 'ollama serve   (then: ollama pull qwen2.5-coder:1.5b)',
    baseUrl: 'http://127.0.0.1:11434/v1',
    allowOrigin: 'OLLAMA_ORIGINS={origin} ollama serve',
  },
  {
    name: 'mlx_lm.server',
    start: 'mlx_lm.server --model mlx-community/Qwen2.5-Coder-1.5B-Instruct-4bit --port 8080',
    baseUrl: 'http://127.0.0.1:8080/v1',
    allowOrigin:
      'answers every origin by default (behind a proxy: let it send Access-Control-Allow-Origin: {origin})',
  },
  {
    name: 'LM Studio',
    start: 'lms server start   (and load a model: lms load qwen2.5-coder-1.5b-instruct)',
    baseUrl: 'http://127.0.0.1:1234/v1',
    allowOrigin: 'lms server start --cors   (or Developer → Server settings → Enable CORS)',
  },
  {
    name: 'vLLM',
    start: 'vllm serve Qwen/Qwen2.5-Coder-1.5B-Instruct --port 8000',
    baseUrl: 'http://127.0.0.1:8000/v1',
    allowOrigin: `answers every origin by default; if narrowed: vllm serve … --allowed-origins '["{origin}"]'`,
  },
];

/** The start command of every known server, one per line, indented. */
export function startCommands(): string {
  return KNOWN_SERVERS.map((s) => `  ${s.name}: ${s.start}   → ${s.baseUrl}`).join('\n');
}

/** How to allow `origin` on every known server, one per line, indented. */
export function allowOriginCommands(origin: string): string {
  return KNOWN_SERVERS.map((s) => `  ${s.name}: ${s.allowOrigin.split('{origin}').join(origin)}`).join('\n');
}
