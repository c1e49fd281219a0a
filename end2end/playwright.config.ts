import { defineConfig } from '@playwright/test';

// Debian's Chromium, never Playwright's own browser download (it fails here).
// BASE_URL is set by scripts/test.sh to a server it started on a free port.
export default defineConfig({
  testDir: './tests',
  timeout: 60_000,
  expect: { timeout: 7_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://127.0.0.1:3000',
    locale: 'nl-NL',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'phone', use: { viewport: { width: 360, height: 780 } }, testIgnore: /.*\.desktop\.spec\.ts/ },
    { name: 'desktop', use: { viewport: { width: 1280, height: 900 } }, testMatch: /.*\.desktop\.spec\.ts/ },
  ],
});
