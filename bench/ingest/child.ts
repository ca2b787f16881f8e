import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { statementTimeSchema } from "./query-log";

/** What a measuring child prints as its last stdout line (JSON). */
export const childReportSchema = z.object({
  seconds: z.number(),
  /** CPU time (user and system) of this process over the measured span. */
  cpuSeconds: z.number(),
  peakRssBytes: z.number(),
  rows: z.number(),
  callsStored: z.number().nullable(),
  linesRead: z.number().nullable(),
  /** The measured span on the monotonic clock in µs, as a --cpu-prof profile stamps its samples. */
  window: z.object({ startMicros: z.number(), endMicros: z.number() }),
  /** With --log-statements: time per kind of statement. */
  statements: z.array(statementTimeSchema).optional(),
});
export type ChildReport = z.infer<typeof childReportSchema>;

const argsSchema = z.object({ url: z.string().min(1), file: z.string().min(1), "log-statements": z.boolean().default(false) });

/** `--url <database> --file <trace> [--log-statements]`, what both children take. */
export function childArgs(argv: string[]): z.infer<typeof argsSchema> {
  const { values } = parseArgs({ args: argv, options: { url: { type: "string" }, file: { type: "string" }, "log-statements": { type: "boolean" } } });
  return argsSchema.parse(values);
}

/**
 * The process's peak resident set so far: VmHWM from /proc (Linux), else
 * Node's maxRSS (which is in KiB).
 */
export function peakRssBytes(): number {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (match?.[1] !== undefined) return Number(match[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS * 1024;
}

export function report(result: ChildReport): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Now on the monotonic clock, in µs (the clock of V8's CPU profiles). */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/** CPU seconds (user and system) this process has used since `start` (from process.cpuUsage()). */
export function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
}
