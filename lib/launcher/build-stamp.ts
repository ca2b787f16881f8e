import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

// What a production build depends on. A change to any of these gives another
// stamp, so `npm start` builds (into another folder, see builds.ts) before serving.
const BUILD_INPUTS = ["app", "components", "lib", "prisma/schema.prisma", "next.config.js", "tsconfig.json", "package-lock.json"];

export function currentBuildStamp(root: string): string {
  const hash = crypto.createHash("sha256");
  for (const input of BUILD_INPUTS) visit(path.join(root, input), hash);
  // Lets a test ask for a second build of the same sources without editing them.
  hash.update(process.env.TRACELENS_BUILD_SALT ?? "");
  return hash.digest("hex");
}

function visit(target: string, hash: crypto.Hash): void {
  if (!fs.existsSync(target)) return;
  const stat = fs.statSync(target);
  if (stat.isDirectory()) {
    for (const entry of fs.readdirSync(target).sort()) visit(path.join(target, entry), hash);
    return;
  }
  // The bytes, not the modification time: `npm ci` writes the Prisma client
  // again, and a branch checked out and back rewrites files, each time the
  // same (about 2 MB, read in milliseconds).
  hash.update(`${target}\0${stat.size}\n`);
  hash.update(fs.readFileSync(target));
}
