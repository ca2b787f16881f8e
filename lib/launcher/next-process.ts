import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";

const nextBin = () => createRequire(import.meta.url).resolve("next/dist/bin/next");

export function nextEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

export function runNext(args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin(), ...args], { cwd, env, stdio: "inherit" });
}

export function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Resolves once the server answers on `url`, or rejects when the child exits first. */
export async function waitUntilServing(url: string, child: ChildProcess): Promise<void> {
  while (child.exitCode === null) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(2_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`the Next.js server exited with code ${child.exitCode} before it was ready`);
}
