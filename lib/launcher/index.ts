import exitHook from "async-exit-hook";
import { environment, projectRoot } from "../config";
import { openDatabase } from "../database-setup";
import { currentBuildStamp, isBuildCurrent, recordBuild } from "./build-stamp";
import { buildNext, serveNext, type WebServer } from "./next-process";

export type LaunchOptions = { dev: boolean; log: (line: string) => void };

/**
 * `npm start`: a ready database (embedded unless DATABASE_URL), a current
 * production build, then the dashboard on HOST:PORT. It runs until SIGINT or
 * SIGTERM, which close the web server first and the database after it.
 */
export async function launchDashboard({ dev, log }: LaunchOptions): Promise<void> {
  const settings = environment();
  const root = projectRoot();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const database = await openDatabase(settings);
  log(database.embedded ? `Database: embedded PostgreSQL in ${settings.dataDir}` : "Database: DATABASE_URL");
  // Pages read the connection from the environment, whichever database was chosen.
  process.env.DATABASE_URL = database.url;
  let server: WebServer;
  try {
    if (!dev) await ensureDashboardBuild(root, log);
    server = await serveNext({ root, dev, host: settings.host, port: settings.port });
  } catch (error) {
    await database.stop();
    throw error;
  }
  exitHook((done) => void server.close().then(database.stop).finally(done));
  const host = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  log(`Tracelens is ready at http://${host}:${settings.port}`);
}

/** Builds the production dashboard unless the build on disk matches the sources. */
export async function ensureDashboardBuild(root: string, log: (line: string) => void): Promise<void> {
  if (isBuildCurrent(root)) return log("The dashboard build is current.");
  log("Building the dashboard (first start, or the sources changed)...");
  const stamp = currentBuildStamp(root);
  const code = await buildNext(root);
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  recordBuild(root, stamp);
}
