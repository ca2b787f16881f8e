import exitHook from "async-exit-hook";
import { projectRoot, readEnvironment } from "../config/env";
import { openDatabase } from "../database-setup";
import { currentBuildStamp, isBuildCurrent, recordBuild } from "./build-stamp";
import { exitOf, nextEnvironment, runNext, waitUntilServing } from "./next-process";

export type LaunchOptions = { dev: boolean; log: (line: string) => void };

/**
 * `npm start`: a ready database (embedded unless DATABASE_URL), a current
 * production build, then `next start` on HOST:PORT. SIGINT/SIGTERM stop the
 * web server first and the embedded PostgreSQL after it.
 */
export async function launchDashboard({ dev, log }: LaunchOptions): Promise<number> {
  const environment = readEnvironment();
  const root = projectRoot();
  const database = await openDatabase(environment);
  log(database.embedded ? `Database: embedded PostgreSQL in ${environment.dataDir}` : "Database: DATABASE_URL");
  const env = nextEnvironment({ DATABASE_URL: database.url });
  try {
    if (!dev && !isBuildCurrent(root)) await buildDashboard(root, env, log);
    const mode = dev ? "dev" : "start";
    const server = runNext([mode, "--hostname", environment.host, "--port", String(environment.port)], root, env);
    // On SIGINT/SIGTERM the exit hooks run before the process ends: the web
    // server goes first, then the database it was using.
    exitHook((done) => {
      server.kill("SIGTERM");
      exitOf(server)
        .then(() => database.stop())
        .finally(done);
    });
    const url = `http://${environment.host.includes(":") ? `[${environment.host}]` : environment.host}:${environment.port}`;
    waitUntilServing(url, server).then(
      () => log(`Tracelens is ready at ${url}`),
      () => undefined,
    );
    const code = await exitOf(server);
    return code === 143 || code === 130 ? 0 : code;
  } finally {
    await database.stop();
  }
}

async function buildDashboard(root: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  log("Building the dashboard (first start, or the sources changed)...");
  const stamp = currentBuildStamp(root);
  const code = await exitOf(runNext(["build"], root, env));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  recordBuild(root, stamp);
}
