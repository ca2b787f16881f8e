import fs from "node:fs";
import path from "node:path";
import { isProcessAlive, readOwner, tryCreate } from "../database-setup/instance-lock";

// Every production build has a folder of its own, named by its build stamp, so
// a running server keeps serving its own build (its pages name chunks only that
// build has) whatever a later server from the same checkout builds.
const BUILDS = path.join(".next", "builds");
// Written once `next build` succeeded: a folder without it is half-built.
const COMPLETE = "tracelens-complete";
// One file per process using the build, named by its pid: a build in use is never removed.
const USERS = "tracelens-users";
const RETRY_MS = 1_000;

/** The build folder (Next's distDir, relative to the checkout) for a build stamp. */
export function buildFolder(stamp: string): string {
  return path.join(BUILDS, stamp.slice(0, 16));
}

export function isBuildComplete(root: string, folder: string): boolean {
  return fs.existsSync(path.join(root, folder, COMPLETE));
}

export function markBuildComplete(root: string, folder: string): void {
  fs.writeFileSync(path.join(root, folder, COMPLETE), "");
}

/**
 * Runs `work` holding the build folder's lock: one process at a time builds,
 * checks, claims or removes a folder, so two servers starting together build
 * it once, and a build is never removed between being found and being claimed.
 */
export async function withBuildLock<T>(root: string, folder: string, onWait: (owner: number) => void, work: () => Promise<T>): Promise<T> {
  const lock = lockPath(root, folder);
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  let waited = false;
  while (!takeLock(lock)) {
    const owner = readOwner(lock);
    if (!waited && owner !== undefined) onWait(owner);
    waited = true;
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}

function lockPath(root: string, folder: string): string {
  return path.join(root, `${folder}.lock`);
}

function takeLock(lock: string): boolean {
  if (tryCreate(lock)) return true;
  const owner = readOwner(lock);
  // Left by a process that died mid-build: the next attempt takes it.
  if (owner === undefined || !isProcessAlive(owner)) fs.rmSync(lock, { force: true });
  return false;
}

/** Records this process as using the build; returns the function that lets it go. */
export function claimBuild(root: string, folder: string): () => void {
  const users = path.join(root, folder, USERS);
  fs.mkdirSync(users, { recursive: true });
  const mine = path.join(users, String(process.pid));
  fs.writeFileSync(mine, "");
  return () => fs.rmSync(mine, { force: true });
}

/**
 * Removes the builds nobody uses any more: not in use by a live process, not
 * being built, and not the newest complete one (`next-env.d.ts`, which the
 * type-check reads, points into the build made last).
 */
export function pruneBuilds(root: string): void {
  const builds = path.join(root, BUILDS);
  if (!fs.existsSync(builds)) return;
  const folders = fs
    .readdirSync(builds, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(BUILDS, entry.name));
  const newest = newestComplete(root, folders);
  for (const folder of folders) {
    if (folder === newest || !takeLock(lockPath(root, folder))) continue;
    if (!isInUse(root, folder)) fs.rmSync(path.join(root, folder), { recursive: true, force: true });
    fs.rmSync(lockPath(root, folder), { force: true });
  }
}

function newestComplete(root: string, folders: string[]): string | undefined {
  const completedAt = (folder: string) => fs.statSync(path.join(root, folder, COMPLETE)).mtimeMs;
  return folders.filter((folder) => isBuildComplete(root, folder)).sort((a, b) => completedAt(b) - completedAt(a))[0];
}

function isInUse(root: string, folder: string): boolean {
  const users = path.join(root, folder, USERS);
  if (!fs.existsSync(users)) return false;
  return fs.readdirSync(users).some((name) => isProcessAlive(Number(name)));
}
