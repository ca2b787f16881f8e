import fs from "node:fs";
import { defineConfig } from "@playwright/test";

// A system Chromium when there is one (Debian's, on machines that cannot
// download Playwright's own); TRACELENS_CHROMIUM overrides; otherwise
// Playwright's bundled browser, as on a developer's laptop.
const chromium = process.env.TRACELENS_CHROMIUM ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => fs.existsSync(candidate));
const port = Number(process.env.TRACELENS_E2E_PORT ?? 3199);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: chromium
      ? {
          executablePath: chromium,
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        }
      : {},
  },
  webServer: {
    command: "node --import tsx e2e/support/start-server.ts",
    url: baseURL,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: { PORT: String(port), HOST: "127.0.0.1" },
  },
});
