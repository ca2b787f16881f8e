import { spawn } from "node:child_process";
import http from "node:http";
import { createRequire } from "node:module";
import next from "next";

export type WebServer = { close(): Promise<void> };

/** `next build` in a child process; resolves with its exit code. */
export function buildNext(root: string): Promise<number> {
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "build"], { cwd: root, env: process.env, stdio: "inherit" });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

/**
 * Next.js served from this process (its custom-server API) rather than a
 * child: a Tracelens killed with SIGKILL then leaves no web server behind
 * holding the port, only PostgreSQL, which the next start recovers.
 */
export async function serveNext(options: { root: string; dev: boolean; host: string; port: number }): Promise<WebServer> {
  const app = next({ dev: options.dev, dir: options.root, hostname: options.host, port: options.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = http.createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
