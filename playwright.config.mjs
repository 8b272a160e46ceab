// Playwright e2e tests against the release build (scripts/build-site /scalelab/) served by our
// plain static server under /scalelab/, exactly like GitHub Pages would. Chromium is the system
// one (Debian package; no `playwright install`): CHROMIUM_BIN overrides /usr/bin/chromium.
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_PATH = '/scalelab/';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CHROMIUM = {
  browserName: 'chromium',
  launchOptions: {
    executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  },
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: /.*\.spec\.m?[jt]s$/,
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /\.alone\.spec\.m?[jt]s$/,
      use: CHROMIUM,
    },
    // Tests that time main-thread tasks run after all the others, one at a time: with two
    // browsers sharing two cores, a task's wall-clock length says more about the neighbour
    // than about the page.
    {
      name: 'alone',
      testMatch: /\.alone\.spec\.m?[jt]s$/,
      dependencies: ['chromium'],
      use: CHROMIUM,
    },
  ],
  webServer: {
    command: `node scripts/static-server.mjs --dir dist --base ${BASE_PATH} --port ${PORT} --host 127.0.0.1 --quiet`,
    url: `http://127.0.0.1:${PORT}${BASE_PATH}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
