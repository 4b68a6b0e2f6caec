import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real server, which serves the built app (web/dist) at `/`.
 * Run `npm run build` first. Set MATCHUP_E2E_BASE_URL to test an already running server instead
 * (then no server is started here).
 *
 * Chromium is Debian's /usr/bin/chromium; Playwright never downloads a browser here.
 */
// MATCHUP_E2E_PORT lets several checkouts run the suite side by side.
const PORT = Number(process.env.MATCHUP_E2E_PORT ?? 8765);
const external = process.env.MATCHUP_E2E_BASE_URL?.replace(/\/$/, '');
export const baseURL = external ?? `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/artifacts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  // A worker spends much of its time waiting (on the server, on the network going quiet): on the 2-CPU CI machine one
  // worker used about 0.6 of a CPU, so two left part of the machine idle and three keep it busy.
  workers: 3,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }], ['./e2e/support/failure-summary.ts']],
  use: {
    baseURL,
    browserName: 'chromium',
    headless: true,
    locale: 'en-US',
    timezoneId: 'UTC',
    // A failed test keeps its trace (each step's DOM snapshot, network, console) but not the trace's screencast:
    // recording a frame of every paint took about a third of the browser's CPU in every test, passed or not.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.MATCHUP_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
  webServer: external
    ? undefined
    : {
        // A fresh SQLite database per run: migrations and the demo world are loaded by `run`.
        command: `cd .. && MATCHUP_DATABASE_URL=sqlite+aiosqlite:///$(mktemp -d)/e2e.db .venv/bin/python -m server run --port ${PORT} --no-simulator`,
        url: `http://127.0.0.1:${PORT}`,
        reuseExistingServer: false,
        timeout: 240_000, // migrations and the demo world, on a machine other work may be loading
        stdout: 'pipe',
        stderr: 'pipe',
      },
});
