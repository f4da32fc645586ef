// The layer rule (see DESIGN.md, "Layers"): every import of a file under src/ — relative, however
// deep, and every package — is checked against what its layer may use. Relative specifiers are
// resolved to a path first, so `../../ui/x` and `./../ui/x` are the same import.
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/**
 * What each layer may import: other layers (its own is always allowed) and packages (an entry
 * ending in `/*` allows the package's subpaths, `node:*` every Node built-in).
 */
export const LAYERS = {
  core: { layers: [], packages: ['valibot', 'fflate', 're2js', '@noble/hashes/*'] },
  device: { layers: ['core'], packages: ['valibot'] },
  // Worker plumbing (comlink connections) shared by the engines and the Python sandbox.
  workers: { layers: ['core'], packages: ['comlink'] },
  engines: {
    layers: ['core', 'device', 'workers'],
    // valibot: a server's answers are untrusted input (engines/endpoint checks them).
    packages: ['comlink', '@mlc-ai/web-llm', 'eventsource-parser', 'valibot'],
  },
  exec: { layers: ['core', 'workers'], packages: ['comlink', 'pyodide', 'pyodide/*', 'valibot', 'node:*'] },
  storage: { layers: ['core', 'throughput'], packages: ['idb', 'valibot'] },
  throughput: { layers: ['core'], packages: ['valibot'] },
  cli: {
    layers: ['core', 'engines', 'exec', 'throughput'],
    packages: ['node:*', 'valibot', 'playwright-core', 'cli-progress', 'fflate'],
  },
  ui: {
    layers: ['core', 'device', 'engines', 'exec', 'storage', 'throughput', 'workers'],
    packages: ['svelte', 'svelte/*', 'lowlight', 'hast', 'highlight.js/*'],
  },
  // src/main.ts: the page's entry.
  '(entry)': { layers: ['ui'], packages: ['svelte'] },
};

function layerOf(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  const [first, ...rest] = rel.split(path.sep);
  return rest.length === 0 ? '(entry)' : first;
}

function packageAllowed(spec, allowed) {
  return allowed.some((entry) => {
    if (entry === 'node:*') return spec.startsWith('node:');
    if (entry.endsWith('/*')) return spec.startsWith(entry.slice(0, -1)) || spec === entry.slice(0, -2);
    return spec === entry || spec === `${entry}/package.json`;
  });
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports only point down the layers of DESIGN.md' },
    schema: [],
    messages: {
      layer: "src/{{from}} may not import from src/{{to}} ('{{spec}}'); {{from}} may use: {{allowed}}.",
      outside: "src/{{from}} may not import from outside src/ ('{{spec}}').",
      package: "src/{{from}} may not import the package '{{spec}}'; {{from}} may use: {{allowed}}.",
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (from === undefined || !(from in LAYERS)) return {};
    const policy = LAYERS[from];
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      if (spec.startsWith('.') || spec.startsWith('/')) {
        const target = path.resolve(path.dirname(file), spec);
        const to = layerOf(target);
        if (to === undefined) {
          context.report({ node, messageId: 'outside', data: { from, spec } });
        } else if (to !== from && !policy.layers.includes(to)) {
          const allowed = [from, ...policy.layers].join(', ');
          context.report({ node, messageId: 'layer', data: { from, to, spec, allowed } });
        }
      } else if (!packageAllowed(spec, policy.packages)) {
        const allowed = policy.packages.length > 0 ? policy.packages.join(', ') : 'no packages';
        context.report({ node, messageId: 'package', data: { from, spec, allowed } });
      }
    }
    const source = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: source,
      ExportNamedDeclaration: source,
      ExportAllDeclaration: source,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
      // new URL('./worker.ts', import.meta.url): how Vite finds workers and assets.
      NewExpression(node) {
        const [first, second] = node.arguments;
        if (
          node.callee.type === 'Identifier' &&
          node.callee.name === 'URL' &&
          first?.type === 'Literal' &&
          second?.type === 'MemberExpression' &&
          second.object.type === 'MetaProperty'
        ) {
          check(node, first.value);
        }
      },
    };
  },
};

export const layersPlugin = { rules: { layers: rule } };
