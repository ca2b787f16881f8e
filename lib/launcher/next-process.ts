import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import next from "next";

export type WebServer = { close(): Promise<void> };

// next.config.js reads these: where the build goes (and is served from), and
// which tsconfig the build type-checks with.
const DIST_DIR = "TRACELENS_DIST_DIR";
const TSCONFIG = "TRACELENS_TSCONFIG";
const BASE_TSCONFIG = "tsconfig.next.json";

/** `next build` into `distDir` (relative to root), in a child process; resolves with its exit code. */
export async function buildNext(root: string, distDir: string): Promise<number> {
  const tsconfig = writeBuildTsconfig(root, distDir);
  const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
  const env = { ...process.env, [DIST_DIR]: distDir, [TSCONFIG]: tsconfig };
  const child = spawn(process.execPath, [nextBin, "build"], { cwd: root, env, stdio: "inherit" });
  const code = await new Promise<number>((resolve) => child.once("exit", (exit) => resolve(exit ?? 1)));
  fs.rmSync(path.join(root, tsconfig), { force: true });
  return code;
}

/**
 * `next build` adds its distDir's type folders to the tsconfig it checks with
 * when they are missing; a folder per build would add two lines to the tracked
 * tsconfig.next.json at every build. Each build checks with a throwaway copy
 * that lists them already.
 */
function writeBuildTsconfig(root: string, distDir: string): string {
  const base = JSON.parse(fs.readFileSync(path.join(root, BASE_TSCONFIG), "utf8")) as { include: string[] };
  // At the root, beside the base: a tsconfig's paths are relative to its own folder.
  const file = `tsconfig.build-${path.basename(distDir)}.json`;
  const include = [...base.include, `${distDir}/types/**/*.ts`, `${distDir}/dev/types/**/*.ts`];
  fs.writeFileSync(path.join(root, file), JSON.stringify({ extends: `./${BASE_TSCONFIG}`, include }, null, 2));
  return file;
}

/** Serves the production build in `distDir` (next.config.js reads it from the environment when Next loads it). */
export function useBuild(distDir: string): void {
  process.env[DIST_DIR] = distDir;
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
