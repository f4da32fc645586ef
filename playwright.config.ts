import { defineConfig } from '@playwright/test';

// Browser tests run against the built site (`vite preview`), in the system Chromium.
// CHROMIUM_PATH points elsewhere; .ci/run installs Debian's package at /usr/bin/chromium.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// TABEVAL_PORT lets two checkouts run their browser tests at once.
const port = Number(process.env.TABEVAL_PORT ?? 4173);

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  workers: 1,
  reporter: process.env.CI ? 'line' : 'list',
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath,
      args: [
        '--enable-unsafe-webgpu',
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
