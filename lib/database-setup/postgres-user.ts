import fs from "node:fs";
import path from "node:path";

export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * PostgreSQL refuses to run as root, so as root the embedded server runs as the
 * `postgres` user, which must be able to walk down to the data folder. A
 * checkout under /root (mode 0700) is the usual trap: say so plainly.
 */
export function assertReachableByPostgresUser(dataDir: string): void {
  if (!runsAsRoot()) return;
  const postgresUid = lookupUid("postgres");
  for (let dir = path.resolve(dataDir); ; dir = path.dirname(dir)) {
    if (fs.existsSync(dir)) {
      const { mode, uid } = fs.statSync(dir);
      if (uid !== postgresUid && (mode & 0o001) === 0) {
        throw new Error(
          `the embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${dir} ` +
            `(mode ${(mode & 0o777).toString(8)}), so it cannot reach ${dataDir}. ` +
            `Set TRACELENS_DATA_DIR to a folder it can reach (for example /var/lib/tracelens), or set DATABASE_URL.`,
        );
      }
    }
    if (dir === path.dirname(dir)) return;
  }
}

function lookupUid(user: string): number | undefined {
  const line = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${user}:`));
  const uid = line?.split(":")[2];
  return uid === undefined ? undefined : Number(uid);
}

