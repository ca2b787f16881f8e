import { performance } from "node:perf_hooks";
import pg from "pg";
import { z } from "zod";

/** One kind of statement over the whole ingest, as the ingest's process saw it. */
export const statementTimeSchema = z.object({
  statement: z.string(),
  count: z.number(),
  /** From sending it until its result (for COPY: until PostgreSQL confirmed the data), summed. */
  seconds: z.number(),
  firstStartSeconds: z.number(),
  lastEndSeconds: z.number(),
  /** Highest RSS of the process while such statements ran or ended. */
  maxRssMb: z.number(),
});
export type StatementTime = z.infer<typeof statementTimeSchema>;

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Times every statement sent through `pg.Client` (the pool's clients
 * included) from now on, COPY streams included, without touching lib/: the
 * driver's `query` is wrapped. Time not spent in a statement is Node's own
 * work (reading, parsing, building rows) or waiting on the file.
 * Returns a function that stops and summarises.
 */
export function logStatements(): () => StatementTime[] {
  const started = performance.now();
  const byStatement = new Map<string, StatementTime>();
  const clock = () => (performance.now() - started) / 1000;
  const rssMb = () => process.memoryUsage.rss() / (1024 * 1024);
  // Between statements RSS is sampled too, so a phase's maximum is not only its end.
  let current: StatementTime | null = null;
  const sampler = setInterval(() => current !== null && (current.maxRssMb = Math.max(current.maxRssMb, rssMb())), 100);
  const prototype = pg.Client.prototype as unknown as { query: Query };
  const original = prototype.query;
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string } | undefined;
    const text = typeof first === "string" ? first : (first?.text ?? "(unnamed)");
    const statement = text.replace(/\s+/g, " ").trim().slice(0, 90);
    const entry = byStatement.get(statement) ?? { statement, count: 0, seconds: 0, firstStartSeconds: clock(), lastEndSeconds: 0, maxRssMb: 0 };
    byStatement.set(statement, entry);
    const start = clock();
    current = entry;
    const done = () => {
      entry.count++;
      entry.lastEndSeconds = clock();
      entry.seconds += entry.lastEndSeconds - start;
      entry.maxRssMb = Math.max(entry.maxRssMb, rssMb());
      current = null;
    };
    const result = original.apply(this, args) as { then?: unknown; once?: unknown } | undefined;
    if (typeof result?.then === "function") (result as Promise<unknown>).then(done, done);
    else if (typeof result?.once === "function") {
      // A COPY stream: 'finish' comes after PostgreSQL has stored the rows.
      const stream = result as NodeJS.EventEmitter;
      stream.once("finish", done);
      stream.once("error", done);
    }
    return result;
  };
  return () => {
    clearInterval(sampler);
    prototype.query = original;
    return [...byStatement.values()];
  };
}
