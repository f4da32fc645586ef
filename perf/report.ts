// Renders the HTML report (and the CSV and Markdown exports) of a 1,000-case synthetic run and
// prints the time and size of each. Run alone with `node --import tsx perf/report.ts`.
// Prints figures; asserts nothing.
import { pathToFileURL } from 'node:url';
import type { GenerationUsage } from '../src/core/engine.ts';
import { renderCsv } from '../src/core/report/renderCsv.ts';
import { renderHtmlReport } from '../src/core/report/renderHtmlReport.ts';
import { renderMarkdownSummary } from '../src/core/report/renderMarkdownSummary.ts';
import type { Report } from '../src/core/report/schema.ts';
import { DEFAULT_PARAMS } from '../src/core/report/paramsSchema.ts';
import { runSuite } from '../src/core/run/runSuite.ts';
import { caseKey } from '../src/core/run/caseKey.ts';
import { mulberry32 } from '../src/core/stats/mulberry32.ts';
import type { Suite, SuiteCase, ToolDefinition } from '../src/core/suite/types.ts';
import { createReplayEngine, type RecordedOutput } from '../src/engines/replay/createReplayEngine.ts';

const CASE_COUNT = 1000;

const TOOLS: ToolDefinition[] = [
  {
    name: 'read_file',
    description: 'Read a text file.',
    parameters: { type: 'object', properties: { path: { type: 'string' } }, required: ['path'] },
  },
  {
    name: 'write_file',
    description: 'Write a text file.',
    parameters: {
      type: 'object',
      properties: { path: { type: 'string' }, content: { type: 'string' } },
      required: ['path', 'content'],
    },
  },
];

const CODE = [
  'def is_prime(n: int) -> bool:',
  '    """Return True when n is prime."""',
  '    if n < 2:',
  '        return False',
  '    for d in range(2, int(n ** 0.5) + 1):',
  '        if n % d == 0:',
  '            return False',
  '    return True',
].join('\n');

const PROSE =
  'The function checks each divisor up to the square root, so it runs in O(sqrt n) time & uses "constant" space. ';

/** Output sizes like a small coding model's: short tool calls, medium code answers, a few runaways. */
function syntheticOutput(index: number, random: () => number): string {
  const kind = index % 4;
  if (kind === 0) {
    return `I will read it.\n<tool_call>\n{"name": "read_file", "arguments": {"path": "src/file_${index}.py"}}\n</tool_call>`;
  }
  if (random() < 0.02) return `${PROSE}\n\`\`\`python\n${CODE}\n\`\`\`\n`.repeat(60); // ~20,000 characters: cut
  const paragraphs = 1 + Math.floor(random() * 5);
  return `Here is a solution:\n\`\`\`python\n${CODE}\n\`\`\`\n${PROSE.repeat(paragraphs)}`;
}

function syntheticUsage(index: number, random: () => number): GenerationUsage {
  const decodeTps = 30 - (index % 1000) / 100 + random() * 4; // slow throttling, every 1,000 cases
  return {
    reported: {
      promptTokens: 180 + (index % 50),
      completionTokens: 120,
      ttftMs: null,
      prefillTps: 850,
      decodeTps,
      e2eMs: null,
    },
    measured: {
      promptTokens: null,
      completionTokens: 120,
      ttftMs: 210 + random() * 40,
      prefillTps: null,
      decodeTps: decodeTps * 0.97,
      e2eMs: 4200,
    },
  };
}

/** The synthetic suite of `caseCount` cases: tool calls and keyword answers in 5 categories. */
export function syntheticSuite(caseCount = CASE_COUNT): Suite {
  const categories = ['tool_calling', 'code_generation', 'reasoning', 'multi_turn', 'chat'];
  const cases: SuiteCase[] = [];
  for (let i = 0; i < caseCount; i += 1) {
    const id = `case-${String(i).padStart(4, '0')}`;
    cases.push(
      i % 4 === 0
        ? {
            id,
            category: categories[0]!,
            prompt: `Read src/file_${i}.py and summarise it.`,
            expected_tools: ['read_file'],
            expected_calls: [{ name: 'read_file', arguments: { path: { regex: '\\.py$' } } }],
          }
        : {
            id,
            category: categories[1 + (i % 4)]!,
            prompt: `Write a Python function that checks whether ${i} is prime, and explain its complexity.`,
            expected_keywords: ['def', 'prime', 'return', i % 3 === 0 ? 'logarithmic' : 'sqrt'],
          },
    );
  }
  return {
    id: 'bench-report',
    version: '1',
    description: 'synthetic',
    system_prompt: 'You are a careful coding assistant.',
    tools: TOOLS,
    cases,
  };
}

/** A 1,000-case report made by the real runner and scorers over synthetic outputs. */
export async function syntheticReport(caseCount = CASE_COUNT): Promise<Report> {
  const random = mulberry32(7);
  const suite = syntheticSuite(caseCount);
  const recorded = new Map<string, RecordedOutput>();
  suite.cases.forEach((testCase, i) => {
    recorded.set(caseKey(testCase.id, 0), {
      output: syntheticOutput(i, random),
      usage: syntheticUsage(i, random),
      finishReason: 'stop',
    });
  });
  let clock = 0;
  const { report } = await runSuite({
    suite,
    engine: createReplayEngine(recorded, {
      source: {
        kind: 'webllm',
        version: '0.2.86',
        model: { id: 'Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC', url: null, libUrl: null },
      },
    }),
    params: { ...DEFAULT_PARAMS },
    device: {
      label: null,
      browserVersion: null,
      adapter: {
        vendor: 'apple',
        architecture: 'metal-3',
        device: '',
        description: '',
        isFallbackAdapter: false,
      },
    },
    now: () => (clock += 4200),
  });
  return report;
}

function time<T>(render: () => T): { value: T; firstMs: number; medianMs: number } {
  const first = performance.now();
  const value = render();
  const firstMs = performance.now() - first;
  const runs: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const start = performance.now();
    render();
    runs.push(performance.now() - start);
  }
  runs.sort((a, b) => a - b);
  return { value, firstMs, medianMs: runs[2]! };
}

/** Renders a 1,000-case synthetic report as HTML, CSV and Markdown; prints ms and bytes of each. */
export async function benchReport(): Promise<void> {
  const report = await syntheticReport();
  const outputChars = report.cases.reduce((sum, c) => sum + (c.output?.length ?? 0), 0);
  const jsonBytes = Buffer.byteLength(JSON.stringify(report));
  console.log(
    `report: ${report.cases.length} synthetic cases, ${(outputChars / 1e6).toFixed(2)} M characters of output, JSON ${(jsonBytes / 1e6).toFixed(2)} MB`,
  );
  const htmlRun = time(() => renderHtmlReport(report));
  const bytes = Buffer.byteLength(htmlRun.value);
  console.log(
    `  html      first ${htmlRun.firstMs.toFixed(1)} ms, median of 5 ${htmlRun.medianMs.toFixed(1)} ms, ${(bytes / 1e6).toFixed(2)} MB (${bytes} bytes)`,
  );
  const csvRun = time(() => renderCsv(report));
  console.log(
    `  csv       ${csvRun.medianMs.toFixed(1)} ms, ${(Buffer.byteLength(csvRun.value) / 1e3).toFixed(1)} kB`,
  );
  const mdRun = time(() => renderMarkdownSummary(report));
  console.log(
    `  markdown  ${mdRun.medianMs.toFixed(1)} ms, ${(Buffer.byteLength(mdRun.value) / 1e3).toFixed(1)} kB`,
  );
  console.log('  targets: html < 500 ms, < 2 MB for 1,000 cases');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // No top-level await: an importer compiled as CommonJS could not load this module otherwise.
  benchReport().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
