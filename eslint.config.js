import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import regexp from 'eslint-plugin-regexp';
import globals from 'globals';
import svelteConfig from './svelte.config.js';
import { layersPlugin } from './eslint/layers.js';

export default ts.config(
  {
    ignores: ['dist/', 'dist-cli/', 'node_modules/', 'test-results/', 'playwright-report/', '.svelte-check/'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  {
    // Imports only point down the layers (DESIGN.md): every path and every package, see eslint/layers.js.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { tabeval: layersPlugin },
    rules: { 'tabeval/layers': 'error' },
  },
);
