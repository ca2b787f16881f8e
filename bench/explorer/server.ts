import { startServe } from "../../test/support/serve-process";

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
  const started = performance.now();
  let rebuilt = false;
  const server = await startServe({ DATABASE_URL: databaseUrl }, {
    timeoutMs: START_TIMEOUT_MS,
    onLine: (line) => {
      if (!line.startsWith("Building the dashboard")) return;
      rebuilt = true;
      log(`  server: ${line}`);
    },
  });
  if (!server.ready) {
    const tail = server.output().trimEnd().split("\n").slice(-40).join("\n");
    throw new Error(`tracelens serve exited (${await server.exited}) or was still not ready after ${START_TIMEOUT_MS / 1000} s:\n${tail}`);
  }
  return { baseUrl: server.url, startSeconds: (performance.now() - started) / 1000, rebuilt, stop: server.stop };
}
