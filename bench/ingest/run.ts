// Tracelens ingest against a raw COPY of the same lines, side by side on one
// PostgreSQL server, for several input sizes. See README.md.
//   node --import tsx bench/ingest/run.ts [--sizes 50,200] [--repeat 2] [--profile]
import { execFileSync, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";
import { migrateDatabase } from "../../lib/database-setup";
import { parseSize } from "../classify/generate";
import { checkRawCopy, type RawCopyCheck } from "./check-raw-copy";
import { childReportSchema, type ChildReport } from "./child";
import { formatSummary, summariseProfile, type ProfileSummary } from "./profile-summary";
import { startBenchServer, type BenchServer } from "./server";
import type { StatementTime } from "./query-log";
import { writeTextTrace, type TraceFile } from "./trace-file";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RESULTS_DIR = path.join(ROOT, "bench", "results");
const MB = 1024 * 1024;
const GOAL = { maxRatio: 1.5, maxPeakRssMb: 300 };
const CHECK_BYTES = 2 * MB;

/** `50` is 50 MB; `512KB`, `1.5GB` and plain units work too. */
const sizeSchema = z.string().transform((text, ctx) => {
  try {
    return /^\s*\d+(\.\d+)?\s*$/.test(text) ? Math.round(Number(text) * MB) : parseSize(text);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
});
const argsSchema = z.object({
  sizes: z
    .string()
    .default("50,200")
    .transform((text) => text.split(",").filter((part) => part.trim() !== ""))
    .pipe(z.array(sizeSchema).min(1)),
  repeat: z.coerce.number().int().min(1).default(2),
  profile: z.boolean().default(false),
});

type Kind = "baseline" | "ingest";
type Measurement = ChildReport & { kind: Kind; run: number; databaseBytes: number; walBytes: number; postgresCpuSeconds: number | null };
type ProfileResult = { cpuProfile: string; seconds: number; peakRssMb: number; cpu: ProfileSummary; statements: StatementTime[] };
type SizeResult = {
  requestedBytes: number;
  bytes: number;
  lines: number;
  callsGenerated: number;
  baseline: { runs: Measurement[]; bestSeconds: number };
  ingest: { runs: Measurement[]; bestSeconds: number; peakRssMb: number; callsStored: number };
  ratio: number;
  profile?: ProfileResult;
};

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { sizes: { type: "string" }, repeat: { type: "string" }, profile: { type: "boolean" } },
});
const options = argsSchema.parse(values);
// A profiling run is a diagnosis: it does not replace the benchmark's numbers.
const RESULTS = path.join(RESULTS_DIR, options.profile ? "ingest-profile.json" : "ingest.json");

// Everything temporary lives here: the server's data, the traces, the key.
// 0755 because, as root, PostgreSQL runs as `postgres` and must reach its data.
const workDir = fs.mkdtempSync(path.join("/tmp", "tracelens-bench-ingest-"));
fs.chmodSync(workDir, 0o755);
const childEnv = { ...process.env, TRACELENS_HOME: path.join(workDir, "home") };
let currentChild: ReturnType<typeof spawn> | null = null;
let server: BenchServer | null = null;

let cleaning: Promise<void> | null = null;
const cleanUp = () =>
  (cleaning ??= (async () => {
    currentChild?.kill("SIGTERM");
    await server?.stop().catch((error: unknown) => console.error(`stopping PostgreSQL: ${String(error)}`));
    fs.rmSync(workDir, { recursive: true, force: true });
  })());
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void cleanUp().finally(() => process.exit(130)));
}

// The machines are shared: record how busy this one was, and the state of lib/.
const loadAtStart = os.loadavg();
const gitAtStart = gitState();
try {
  server = await startBenchServer(workDir);
  const [version] = await server.query<{ version: string }>("SELECT version()");
  console.log(`PostgreSQL (${server.kind}): ${version?.version ?? "?"}`);
  const check = await checkBaseline(server);
  console.log(`baseline check: ${check.lines} lines (${check.linesWithBackslash} with a backslash) loaded byte for byte, sha256 ${check.sha256.slice(0, 16)}…`);
  const results: SizeResult[] = [];
  for (const bytes of options.sizes) {
    results.push(await measureSize(server, bytes));
  }
  const settings = await server.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM pg_settings
      WHERE name IN ('fsync', 'synchronous_commit', 'wal_level', 'full_page_writes', 'shared_buffers', 'max_wal_size', 'wal_compression')`,
  );
  const postgres = { source: server.kind, version: version?.version ?? "", settings: Object.fromEntries(settings.map((s) => [s.name, s.setting])) };
  const load = { atStart: loadAtStart, atEnd: os.loadavg() };
  writeResults(check, results, postgres, load);
  printTable(results);
  const busy = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
  console.log(`\nload average (1, 5, 15 min) at start ${busy(load.atStart)}, at end ${busy(load.atEnd)}; ${os.cpus().length} CPUs`);
  console.log(`written to ${path.relative(process.cwd(), RESULTS)}`);
} finally {
  await cleanUp();
}

async function checkBaseline(server: BenchServer): Promise<RawCopyCheck> {
  const file = path.join(workDir, "check.log");
  await writeTextTrace(file, CHECK_BYTES);
  const name = databaseName("check", 0, 0);
  try {
    return await checkRawCopy(await server.createDatabase(name), file);
  } finally {
    await server.dropDatabase(name);
    fs.rmSync(file);
  }
}

async function measureSize(server: BenchServer, requestedBytes: number): Promise<SizeResult> {
  const file = path.join(workDir, `trace-${requestedBytes}.log`);
  console.log(`\ngenerating ${mb(requestedBytes)} MB of text trace…`);
  const trace = await writeTextTrace(file, requestedBytes);
  console.log(`${trace.lines} lines, ${trace.calls} calls, ${trace.bytes} bytes`);
  const runs: Measurement[] = [];
  try {
    // Alternate, so drift on a noisy machine hits both sides alike.
    for (let run = 1; run <= options.repeat; run++) {
      for (const kind of ["baseline", "ingest"] as const) {
        const measurement = await measure(server, kind, trace, run);
        console.log(
          `  run ${run} ${kind.padEnd(8)} ${measurement.seconds.toFixed(2).padStart(6)} s, peak RSS ${mb(measurement.peakRssBytes)} MB,` +
            ` wrote ${mb(measurement.walBytes)} MB of WAL, database ${mb(measurement.databaseBytes)} MB;` +
            ` CPU: Node ${measurement.cpuSeconds.toFixed(2)} s, PostgreSQL ${measurement.postgresCpuSeconds?.toFixed(2) ?? "?"} s`,
        );
        runs.push(measurement);
      }
    }
    const profile = options.profile ? await profileIngest(server, trace) : undefined;
    return summarise(trace, requestedBytes, runs, profile);
  } finally {
    fs.rmSync(file);
  }
}


/** One measurement: a fresh database (migrated for the ingest), a checkpoint, then the child. */
async function measure(server: BenchServer, kind: Kind, trace: TraceFile, run: number, nodeFlags: string[] = [], childFlags: string[] = []): Promise<Measurement> {
  const name = databaseName(kind, trace.bytes, run);
  const url = await server.createDatabase(name);
  try {
    if (kind === "ingest") await migrateDatabase(url);
    // Both sides start with no dirty buffers left over from the previous run.
    await server.query("CHECKPOINT").catch(() => undefined);
    const walBefore = await walPosition(server);
    const postgresCpuBefore = server.cpuSeconds();
    const script = path.join(ROOT, "bench", "ingest", kind === "ingest" ? "ingest-once.ts" : "copy-once.ts");
    const report = await runChild([...nodeFlags, script, "--url", url, "--file", trace.path, ...childFlags]);
    // A run that did not take in the whole file measures nothing.
    if (kind === "baseline" && report.rows !== trace.lines) throw new Error(`the baseline stored ${report.rows} rows of ${trace.lines} lines`);
    if (kind === "ingest" && report.linesRead !== trace.lines) throw new Error(`the ingest read ${report.linesRead} lines of ${trace.lines}`);
    const postgresCpuSeconds = cpuSince(postgresCpuBefore, server.cpuSeconds());
    const [wal] = await server.query<{ bytes: string }>("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1) AS bytes", [walBefore]);
    const [size] = await server.query<{ bytes: string }>("SELECT pg_database_size($1) AS bytes", [name]);
    return { ...report, kind, run, databaseBytes: Number(size?.bytes ?? 0), walBytes: Number(wal?.bytes ?? 0), postgresCpuSeconds };
  } finally {
    await server.dropDatabase(name);
  }
}

function cpuSince(before: number | null, after: number | null): number | null {
  return before === null || after === null ? null : after - before;
}

async function walPosition(server: BenchServer): Promise<string> {
  const [row] = await server.query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn");
  return row?.lsn ?? "0/0";
}

/**
 * An extra ingest after the timed runs (so they stay unprofiled): under
 * --cpu-prof, with each statement it sends timed from its side.
 */
async function profileIngest(server: BenchServer, trace: TraceFile): Promise<ProfileResult> {
  const dir = path.join(RESULTS_DIR, "profiles");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ingest-${mb(trace.bytes)}MB.cpuprofile`);
  const measurement = await measure(server, "ingest", trace, 0, ["--cpu-prof", "--cpu-prof-dir", dir, "--cpu-prof-name", path.basename(file)], ["--log-statements"]);
  const statements = measurement.statements ?? [];
  const cpu = summariseProfile(file, 40, measurement.window);
  console.log(`  profiled ingest: ${measurement.seconds.toFixed(2)} s, peak RSS ${mb(measurement.peakRssBytes)} MB; ${path.relative(process.cwd(), file)}`);
  console.log("  time waiting on each kind of statement (sent until PostgreSQL answered):");
  const inStatements = statements.reduce((sum, s) => sum + s.seconds, 0);
  for (const s of statements) {
    console.log(
      `    ${s.seconds.toFixed(2).padStart(6)} s ${String(s.count).padStart(4)}x  ${s.firstStartSeconds.toFixed(1)} to ${s.lastEndSeconds.toFixed(1)} s,` +
        ` RSS up to ${s.maxRssMb.toFixed(0)} MB: ${s.statement}`,
    );
  }
  console.log(`    ${(measurement.seconds - inStatements).toFixed(2).padStart(6)} s        outside statements: Node reading, parsing, building rows`);
  console.log(formatSummary({ ...cpu, self: cpu.self.slice(0, 15), byFile: cpu.byFile.slice(0, 12), inclusiveLib: cpu.inclusiveLib.slice(0, 20) }).replace(/^/gm, "  "));
  return { cpuProfile: path.relative(ROOT, file), seconds: measurement.seconds, peakRssMb: measurement.peakRssBytes / MB, cpu, statements };
}

function runChild(args: string[]): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...args], { cwd: ROOT, env: childEnv, stdio: ["ignore", "pipe", "inherit"] });
    currentChild = child;
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      currentChild = null;
      if (code !== 0) return reject(new Error(`${path.basename(args.find((a) => a.endsWith(".ts")) ?? "child")} exited with ${code ?? signal}`));
      const last = stdout.trim().split("\n").at(-1) ?? "";
      try {
        resolve(childReportSchema.parse(JSON.parse(last)));
      } catch (error) {
        reject(new Error(`unreadable child report ${JSON.stringify(last)}: ${String(error)}`));
      }
    });
  });
}

function summarise(trace: TraceFile, requestedBytes: number, runs: Measurement[], profile: ProfileResult | undefined): SizeResult {
  const of = (kind: Kind) => runs.filter((m) => m.kind === kind);
  const best = (ms: Measurement[]) => Math.min(...ms.map((m) => m.seconds));
  const ingestRuns = of("ingest");
  const baselineBest = best(of("baseline"));
  const ingestBest = best(ingestRuns);
  return {
    requestedBytes,
    bytes: trace.bytes,
    lines: trace.lines,
    callsGenerated: trace.calls,
    baseline: { runs: of("baseline"), bestSeconds: baselineBest },
    // Time: the best run. Memory: the worst run (a peak is a ceiling, not a lucky draw).
    ingest: {
      runs: ingestRuns,
      bestSeconds: ingestBest,
      peakRssMb: Math.max(...ingestRuns.map((m) => m.peakRssBytes)) / MB,
      callsStored: ingestRuns[0]?.callsStored ?? 0,
    },
    ratio: ingestBest / baselineBest,
    ...(profile === undefined ? {} : { profile }),
  };
}

function printTable(results: SizeResult[]): void {
  const header = ["size", "lines", "baseline s", "ingest s", "ratio", "ingest peak RSS MB", "calls stored"];
  const rows = results.map((r) => [
    `${mb(r.requestedBytes)} MB`,
    String(r.lines),
    r.baseline.bestSeconds.toFixed(2),
    r.ingest.bestSeconds.toFixed(2),
    `${r.ratio.toFixed(2)}x`,
    r.ingest.peakRssMb.toFixed(0),
    `${r.ingest.callsStored}${r.ingest.callsStored === r.callsGenerated ? "" : ` (of ${r.callsGenerated} generated)`}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join("  ");
  console.log(`\nbest of ${options.repeat} runs each (peak RSS: worst run); goal: ratio ≤ ${GOAL.maxRatio}x, peak RSS ≤ ${GOAL.maxPeakRssMb} MB and flat`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

function writeResults(
  check: RawCopyCheck,
  results: SizeResult[],
  postgres: { source: string; version: string; settings: Record<string, string> },
  load: { atStart: number[]; atEnd: number[] },
): void {
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  const document = {
    benchmark: "ingest",
    date: new Date().toISOString(),
    command: `node --import tsx bench/ingest/run.ts ${process.argv.slice(2).join(" ")}`.trim(),
    goal: GOAL,
    machine: { node: process.version, cpus: os.cpus().length, memoryBytes: os.totalmem(), loadAverage: load },
    // The tree is shared and others commit during a run: say what lib/ the numbers belong to.
    git: { atStart: gitAtStart, atEnd: gitState() },
    postgres,
    method: {
      repeat: options.repeat,
      order: "per size: baseline, ingest, baseline, ingest (alternating)",
      time: "best run; measured inside the child, from the start of the COPY / ingestUpload call to its end (commit included), connection already open",
      peakRss: "VmHWM of the child process (node + tsx + pg included), worst run",
      database: "a fresh database per measurement, CHECKPOINT before each, dropped after; databaseBytes and walBytes measured right after the child",
      baseline: "COPY raw_lines FROM STDIN (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02') into a logged one-column table, fed from fs.createReadStream",
      ingest: "ingestUpload(pool, { source: 'cli', files: [{ name, stream: fs.createReadStream(file) }] }, loadFingerprintKey()) on a migrated database",
    },
    baselineCheck: check,
    sizes: results,
  };
  fs.writeFileSync(RESULTS, `${JSON.stringify(document, null, 2)}\n`);
}

/** HEAD and the lib/ files that differ from it (the children run the working tree). */
function gitState(): { head: string | null; uncommittedLibFiles: string[] | null } {
  const git = (...args: string[]) => {
    try {
      return execFileSync("git", args, { cwd: ROOT, encoding: "utf8" }).trim();
    } catch {
      return null;
    }
  };
  return { head: git("rev-parse", "HEAD"), uncommittedLibFiles: git("status", "--porcelain", "--", "lib")?.split("\n").filter(Boolean) ?? null };
}

function databaseName(kind: Kind | "check", bytes: number, run: number): string {
  return `bench_ingest_${kind}_${Math.round(bytes / MB)}mb_${run}_${crypto.randomBytes(3).toString("hex")}`;
}

function mb(bytes: number): string {
  return (bytes / MB).toFixed(bytes % MB === 0 || bytes >= 10 * MB ? 0 : 1);
}
