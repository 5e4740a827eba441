// End-to-end tests against a running lianxin server. The harness starts a fresh server with the demo
// data and passes LIANXIN_URL (e.g. http://127.0.0.1:18080) and LIANXIN_SETUP_LINK (the full one-time
// first-admin link). Chromium is Debian's (/usr/bin/chromium): never `npx playwright install`.
import { defineConfig } from '@playwright/test';

const baseURL = process.env.LIANXIN_URL ?? 'http://127.0.0.1:18080';

export default defineConfig({
  testDir: './tests/e2e',
  testMatch: /.*\.spec\.ts$/,
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['junit', { outputFile: 'test-results/junit.xml' }]] : [['list']],
  use: {
    baseURL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 900 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.LIANXIN_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  // The development, transfer, import, reorganization, positions and overlay walks sign in as the users the foundation walk creates.
  projects: [
    { name: 'foundation', testMatch: /lianxin\.spec\.ts$/, use: { browserName: 'chromium' } },
    { name: 'development', testMatch: /development\.spec\.ts$/, dependencies: ['foundation'], use: { browserName: 'chromium' } },
    { name: 'transfers', testMatch: /transfers\.spec\.ts$/, dependencies: ['development'], use: { browserName: 'chromium' } },
    { name: 'import', testMatch: /import\.spec\.ts$/, dependencies: ['development'], use: { browserName: 'chromium' } },
    { name: 'overlays', testMatch: /overlays\.spec\.ts$/, dependencies: ['development'], use: { browserName: 'chromium' } },
    { name: 'reorg', testMatch: /reorg\.spec\.ts$/, dependencies: ['development'], use: { browserName: 'chromium' } },
    { name: 'positions', testMatch: /positions\.spec\.ts$/, dependencies: ['development'], use: { browserName: 'chromium' } },
    { name: 'floating', testMatch: /floating\.spec\.ts$/, dependencies: ['development'], use: { browserName: 'chromium' } },
    { name: 'policies', testMatch: /policies\.spec\.ts$/, dependencies: ['foundation'], use: { browserName: 'chromium' } },
    { name: 'groups', testMatch: /groups\.spec\.ts$/, dependencies: ['development'], use: { browserName: 'chromium' } },
    { name: 'grids', testMatch: /grids\.spec\.ts$/, dependencies: ['foundation'], use: { browserName: 'chromium' } },
    // issue 17 "Done when": a resident's report through the closed loop to the rating and the street's rates
    { name: 'loop', testMatch: /loop\.spec\.ts$/, dependencies: ['foundation'], use: { browserName: 'chromium' } },
    { name: 'open311', testMatch: /open311\.spec\.ts$/, dependencies: ['foundation'], use: { browserName: 'chromium' } },
    { name: 'hotline', testMatch: /hotline\.spec\.ts$/, dependencies: ['foundation'], use: { browserName: 'chromium' } },
    { name: 'dupes', testMatch: /dupes\.spec\.ts$/, dependencies: ['foundation'], use: { browserName: 'chromium' } },
  ],
});
