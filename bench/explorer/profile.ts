import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import type { Database } from "../../lib/database";
import { PrismaClient } from "../../lib/database/generated/client";
import type { Statement } from "./hand-written";

/**
 * Runs explorer code in-process on a Prisma client that logs every query,
 * and returns the SQL and values it sent: exactly what the server runs for the
 * same filters (the route handler calls the same function).
 */
export async function captureQueries(url: string, run: (db: Database) => Promise<unknown>): Promise<Statement[]> {
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  const captured: Statement[] = [];
  client.$on("query", (event) => {
    const values: unknown = JSON.parse(event.params);
    // Named by what it selects: the facet queries finish (and are logged) in any order.
    const selects = event.query.replace(/\s+/g, " ").match(/^SELECT (.{0,60})/)?.[1] ?? "query";
    captured.push({ name: `lib: SELECT ${selects}...`, text: event.query, values: Array.isArray(values) ? values : [] });
  });
  try {
    // A logging client is a PrismaClient<"query">; the explorer takes the default one. Same methods.
    await run(client as unknown as Database);
  } finally {
    await client.$disconnect();
  }
  return captured;
}

export type Plan = {
  name: string;
  sql: string;
  values: unknown[];
  planningMs: number;
  executionMs: number;
  lines: string[];
};

/** EXPLAIN (ANALYZE, BUFFERS), after one unmeasured run so the cache is as warm as in the timings. */
export async function explain(pool: pg.Pool, statement: Statement): Promise<Plan> {
  await pool.query(statement.text, statement.values);
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
  const lines = rows.map((row) => row["QUERY PLAN"]);
  const milliseconds = (label: string) => Number(lines.find((line) => line.startsWith(label))?.match(/([\d.]+) ms/)?.[1] ?? Number.NaN);
  return {
    name: statement.name,
    sql: statement.text,
    values: statement.values,
    planningMs: milliseconds("Planning Time"),
    executionMs: milliseconds("Execution Time"),
    lines,
  };
}

export function formatPlan(plan: Plan): string {
  return [`-- ${plan.name}`, plan.sql.trim(), `-- values: ${JSON.stringify(plan.values)}`, ...plan.lines, ""].join("\n");
}
