// The baseline: one raw COPY of the file's lines, in a process of its own (as
// the ingest is), into a fresh database. Prints a ChildReport. Run by run.ts;
// by hand: node --import tsx bench/ingest/copy-once.ts --url <db> --file <trace>
import pg from "pg";
import { childArgs, cpuSecondsSince, monotonicMicros, peakRssBytes, report } from "./child";
import { copyRawLines } from "./raw-copy";

const { url, file } = childArgs(process.argv.slice(2));
const client = new pg.Client({ connectionString: url });
await client.connect();
try {
  const startMicros = monotonicMicros();
  const cpuAtStart = process.cpuUsage();
  const seconds = await copyRawLines(client, file);
  const cpuSeconds = cpuSecondsSince(cpuAtStart);
  const endMicros = monotonicMicros();
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM raw_lines");
  report({ seconds, cpuSeconds, peakRssBytes: peakRssBytes(), rows: Number(rows[0]?.n ?? 0), callsStored: null, linesRead: null, window: { startMicros, endMicros } });
} finally {
  await client.end();
}
