import fs from "node:fs";
import path from "node:path";

/**
 * One Tracelens process owns a data folder at a time. PostgreSQL's own
 * postmaster.pid cannot tell a second Tracelens from a server orphaned by a
 * killed one, so ownership is recorded separately, by the owning Node pid.
 */
export class DataFolderBusyError extends Error {}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  return !isZombie(pid);
}

// A killed process whose parent has not reaped it still answers kill(pid, 0).
function isZombie(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z");
  } catch {
    return false;
  }
}

/** Takes the data folder for this process; returns the function that gives it back. */
export function acquireInstanceLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, "instance.pid");
  fs.mkdirSync(dataDir, { recursive: true });
  // Created exclusively, so two processes starting at once cannot both win.
  while (!tryCreate(lockPath)) {
    const owner = readOwner(lockPath);
    if (owner !== undefined && isProcessAlive(owner)) {
      throw new DataFolderBusyError(
        `another Tracelens (pid ${owner}) is already using the data folder ${dataDir}. ` +
          `Stop it first, or point this one elsewhere with TRACELENS_DATA_DIR or DATABASE_URL.`,
      );
    }
    fs.rmSync(lockPath, { force: true }); // left by a process that is gone
  }
  return () => {
    if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
}

/** Creates the pid file exclusively, with this process's pid; false when it already exists. */
export function tryCreate(lockPath: string): boolean {
  try {
    fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

export function readOwner(lockPath: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
