import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import readline from "node:readline";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const READY = "Tracelens is ready at";
// A stale build is rebuilt first (about a minute, more on a busy machine).
const START_TIMEOUT_MS = 15 * 60_000;

export type TracelensServer = {
  baseUrl: string;
  /** From spawn to the ready line, build included when there was one. */
  startSeconds: number;
  rebuilt: boolean;
  stop(): Promise<void>;
};

/** `tracelens serve` on a free loopback port against `databaseUrl`, as a child process. */
export async function startTracelens(databaseUrl: string, log: (line: string) => void): Promise<TracelensServer> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, "bin/tracelens.mjs"), "serve"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  let rebuilt = false;
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tracelens serve was not ready after ${START_TIMEOUT_MS / 1000} s`)), START_TIMEOUT_MS);
    // Both streams are always read: `next build` writes to them, and a full pipe would stall it.
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on("line", (line) => {
        tail.push(line);
        if (tail.length > 40) tail.shift();
        if (line.startsWith("Building the dashboard")) {
          rebuilt = true;
          log(`  server: ${line}`);
        }
        if (line.includes(READY)) {
          clearTimeout(timer);
          resolve();
        }
      });
    }
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`tracelens serve exited (${signal ?? code}) before it was ready:\n${tail.join("\n")}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    startSeconds: (performance.now() - started) / 1000,
    rebuilt,
    stop: () => stopChild(child),
  };
}

/** SIGTERM (the launcher closes the web server), SIGKILL to that same pid if it lingers. */
async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}
