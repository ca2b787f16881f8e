import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./serve-process";

// Debian's PostgreSQL package: a server other than the embedded one, as a user
// pointing DATABASE_URL at their own PostgreSQL would have.
const BIN = process.env.TRACELENS_TEST_PG_BIN ?? "/usr/lib/postgresql/15/bin";

export type ExternalPostgres = { url: string; dataDir: string; /** Path of its postgres binary. */ pgBin: string; stop(): void };

function asPostgresUser(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, fileArgs] = asRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
  execFileSync(file, fileArgs, { stdio: "pipe" });
}

/** A throwaway cluster of Debian's PostgreSQL on its own port and folder. */
export async function startExternalPostgres(): Promise<ExternalPostgres> {
  if (!fs.existsSync(path.join(BIN, "pg_ctl"))) {
    throw new Error(`no PostgreSQL server binaries in ${BIN}: apt-get install postgresql (or set TRACELENS_TEST_PG_BIN)`);
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-external-pg-"));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dataDir]);
  const port = await freePort();
  asPostgresUser(path.join(BIN, "initdb"), ["-D", dataDir, "-A", "trust", "-U", "tracelens", "--no-sync"]);
  const options = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1`;
  asPostgresUser(path.join(BIN, "pg_ctl"), ["-D", dataDir, "-o", options, "-w", "-l", path.join(dataDir, "server.log"), "start"]);
  return {
    url: `postgresql://tracelens@127.0.0.1:${port}/postgres`,
    dataDir,
    pgBin: path.join(BIN, "postgres"),
    stop: () => {
      asPostgresUser(path.join(BIN, "pg_ctl"), ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
