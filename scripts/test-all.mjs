// `npm test`: every test, in the order that fails fastest. Type-check, build
// the dashboard when its sources changed, unit and integration tests (Vitest,
// real PostgreSQL), then browser tests (Playwright, real Chromium). Ends with
// one summary line: "tests: N passed, N failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { register } from "tsx/esm/api";

register();
const root = path.resolve(import.meta.dirname, "..");
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-test-reports-"));
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const totals = { passed: 0, failed: 0 };

function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  console.log(`=== ${title}: ${result.status === 0 ? "ok" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result.status === 0;
}

function count(reportFile, read) {
  if (!fs.existsSync(reportFile)) return;
  const { passed, failed } = read(JSON.parse(fs.readFileSync(reportFile, "utf8")));
  totals.passed += passed;
  totals.failed += failed;
}

function finish(ok) {
  fs.rmSync(reports, { recursive: true, force: true });
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

if (!run("type-check", bin("tsc"), ["--noEmit", "-p", "."])) finish(false);

const { ensureDashboardBuild } = await import("../lib/launcher/index.ts");
console.log("\n=== build");
await ensureDashboardBuild(root, (line) => console.log(line));

const vitestReport = path.join(reports, "vitest.json");
const vitestOk = run("unit and integration tests (Vitest)", bin("vitest"), [
  "run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`,
]);
count(vitestReport, (report) => ({ passed: report.numPassedTests, failed: report.numFailedTests }));

const playwrightReport = path.join(reports, "playwright.json");
const playwrightOk = run("browser tests (Playwright)", bin("playwright"), ["test", "--reporter=list,json"], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});
count(playwrightReport, (report) => ({
  passed: report.stats.expected + report.stats.flaky,
  failed: report.stats.unexpected,
}));

finish(vitestOk && playwrightOk);
