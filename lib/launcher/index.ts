import exitHook from "async-exit-hook";
import { environment, projectRoot } from "../config";
import { fingerprintKeyFor } from "../credentials";
import { openDatabase, withClient } from "../database-setup";
import { currentBuildStamp } from "./build-stamp";
import { buildFolder, claimBuild, isBuildComplete, markBuildComplete, pruneBuilds, withBuildLock } from "./builds";
import { buildNext, serveNext, useBuild, type WebServer } from "./next-process";

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
  let release = () => {};
  try {
    // Checked once here, before a build: a key the database refuses stops the
    // start with one line, rather than failing every upload and lookup.
    await withClient(database.url, (client) => fingerprintKeyFor(client, settings));
    if (!dev) release = await ensureDashboardBuild(root, log);
    server = await serveNext({ root, dev, host: settings.host, port: settings.port });
  } catch (error) {
    release();
    await database.stop();
    throw error;
  }
  exitHook((done) => void server.close().then(database.stop).finally(release).finally(done));
  const host = settings.host.includes(":") ? `[${settings.host}]` : settings.host;
  log(`Tracelens is ready at http://${host}:${settings.port}`);
}

/**
 * Makes sure the production build of the current sources exists (building it
 * unless a complete one does), claims it for this process, and points Next at
 * it; returns the function that lets it go. Builds nobody uses are removed.
 */
export async function ensureDashboardBuild(root: string, log: (line: string) => void): Promise<() => void> {
  const folder = buildFolder(currentBuildStamp(root));
  const onWait = (owner: number) => log(`Waiting for another Tracelens (pid ${owner}) building the dashboard...`);
  const release = await withBuildLock(root, folder, onWait, async () => {
    if (isBuildComplete(root, folder)) log("The dashboard build is current.");
    else await build(root, folder, log);
    return claimBuild(root, folder);
  });
  useBuild(folder);
  pruneBuilds(root);
  return release;
}

async function build(root: string, folder: string, log: (line: string) => void): Promise<void> {
  log(`Building the dashboard into ${folder} (first start, or the sources changed)...`);
  const code = await buildNext(root, folder);
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  markBuildComplete(root, folder);
}
