// One Tracelens ingest of one file into an already migrated database, in a
// process of its own so its peak RSS is the ingest's alone. Prints a
// ChildReport. Run by run.ts; by hand:
//   TRACELENS_HOME=$(mktemp -d) node --import tsx bench/ingest/ingest-once.ts --url <db> --file <trace>
import { createReadStream } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { limitHeapGrowth } from "../../lib/config";
import { loadFingerprintKey } from "../../lib/credentials";
import { connectPool } from "../../lib/database";
import { ingestUpload } from "../../lib/ingest";
import { childArgs, cpuSecondsSince, monotonicMicros, peakRssBytes, report } from "./child";
import { logStatements } from "./query-log";

// As `tracelens ingest` and `tracelens serve` run (lib/cli/main.ts).
limitHeapGrowth();
const { url, file, "log-statements": statementLog } = childArgs(process.argv.slice(2));
if (!process.env.TRACELENS_HOME && !process.env.TRACELENS_FINGERPRINT_KEY) {
  // Never create a key file in the real home directory from a benchmark.
  throw new Error("set TRACELENS_HOME (a temporary folder) or TRACELENS_FINGERPRINT_KEY");
}
const fingerprintKey = loadFingerprintKey();
const pool = connectPool(url);
try {
  // Connect before the clock starts, as the baseline does.
  await pool.query("SELECT 1");
  const stopLog = statementLog ? logStatements() : null;
  const startMicros = monotonicMicros();
  const started = performance.now();
  const cpuAtStart = process.cpuUsage();
  const result = await ingestUpload(pool, { source: "cli", files: [{ name: path.basename(file), stream: createReadStream(file) }] }, fingerprintKey);
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSecondsSince(cpuAtStart);
  const endMicros = monotonicMicros();
  const statements = stopLog?.();
  const { rows } = await pool.query<{ n: string }>("SELECT sum(cardinality(seqs)) AS n FROM trace_segments");
  report({
    seconds,
    cpuSeconds,
    peakRssBytes: peakRssBytes(),
    rows: Number(rows[0]?.n ?? 0),
    callsStored: result.callsAdded + result.callsUpdated,
    linesRead: result.files.reduce((sum, f) => sum + f.lineCount, 0),
    window: { startMicros, endMicros },
    ...(statements === undefined ? {} : { statements }),
  });
} finally {
  await pool.end();
}
