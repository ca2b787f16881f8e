import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import readline from "node:readline";
import { repoRoot, tracelensBin } from "./cli";

const READY = "Tracelens is ready at";

export type ServeProcess = {
  child: ChildProcess;
  url: string;
  /** False when it exited (or timed out) before saying it was ready. */
  ready: boolean;
  /** Everything it has printed so far, both streams. */
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM (the launcher shuts down cleanly), SIGKILL if it lingers. */
  stop(): Promise<void>;
};

export type ServeOptions = {
  /** Each line it prints, as it prints it. */
  onLine?: (line: string) => void;
  /** Give up (and stop it) when it is not ready by then; a stale build is rebuilt first. */
  timeoutMs?: number;
};

/** A TCP port nobody listens on right now, on loopback. */
export async function freePort(): Promise<number> {
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

/**
 * Runs `tracelens serve` as a user would, on a free loopback port, with `env`
 * over this process's environment (DATABASE_URL unset unless given); resolves
 * once it says it is ready, or once it exits or times out (`ready` says which).
 */
export async function startServe(env: Record<string, string>, { onLine, timeoutMs }: ServeOptions = {}): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [tracelensBin, "serve"], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = await new Promise<boolean>((resolve) => {
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => resolve(false), timeoutMs);
    // Both streams are always read: a full pipe would stall the server (or its build).
    for (const stream of [child.stdout, child.stderr]) {
      stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
      readline.createInterface({ input: stream }).on("line", (line) => {
        onLine?.(line);
        if (line.includes(READY)) {
          clearTimeout(timer);
          resolve(true);
        }
      });
    }
    void exited.then(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });
  const server: ServeProcess = { child, url: `http://127.0.0.1:${port}`, ready, output: () => output, exited, stop: () => stop(child, exited) };
  if (!ready) await server.stop();
  return server;
}

async function stop(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

export async function storedCallsShown(url: string): Promise<string | undefined> {
  const html = await (await fetch(url)).text();
  return /data-testid="stored-calls">([\d,]+)</.exec(html)?.[1];
}
