import { readFileSync } from "node:fs";
import path from "node:path";

let root: string | undefined;

/**
 * The project checkout: the nearest folder above this module whose
 * package.json is Tracelens's. Found by name, not by a fixed number of levels,
 * because this module also runs from the CLI bundle in .tracelens/cli/.
 * Only the CLI and the tests ask.
 */
export function projectRoot(): string {
  if (root) return root;
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    if (isTracelensPackage(path.join(dir, "package.json"))) return (root = dir);
    if (path.dirname(dir) === dir) throw new Error(`no Tracelens package.json above ${import.meta.dirname}`);
  }
}

function isTracelensPackage(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { name?: unknown }).name === "tracelens";
  } catch {
    return false; // no package.json here (or not one we can read): keep looking
  }
}
