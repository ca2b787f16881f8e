import { spawnSync } from "node:child_process";
import path from "node:path";
import type { verdictRow } from "../../lib/verdicts";

/** The checkout's root folder: the one every test and benchmark path is relative to. */
export const repoRoot = path.resolve(import.meta.dirname, "../..");
/** The `tracelens` command as installed (package.json's bin). */
export const tracelensBin = path.join(repoRoot, "bin/tracelens.mjs");

export type CliResult = { status: number | null; stdout: string; stderr: string };
export type CliOptions = { env?: Record<string, string | undefined>; timeoutMs?: number; stdin?: string | Buffer };

/** Runs `tracelens <args>` as a user would, from the checkout, with `env` over this process's environment and `stdin` piped in. */
export function runCli(args: string[], { env = {}, timeoutMs = 120_000, stdin = "" }: CliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [tracelensBin, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: timeoutMs,
    input: stdin,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** One line of `tracelens classify`'s output. */
export type VerdictRow = ReturnType<typeof verdictRow>;

export const parseNdjson = <Row = Record<string, unknown>>(text: string): Row[] =>
  text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line) as Row);

/** What `tracelens classify` prints for these files; throws with its error output when it fails. */
export function classifyWithCli(paths: string[], options: CliOptions = {}): VerdictRow[] {
  const result = runCli(["classify", ...paths], options);
  if (result.status !== 0) throw new Error(`tracelens classify exited ${result.status}:\n${result.stderr}`);
  return parseNdjson<VerdictRow>(result.stdout);
}
