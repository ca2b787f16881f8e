// Where an ingest's CPU time goes, from a .cpuprofile written by `run.ts --profile`
// (node --cpu-prof on the ingest child):
//   node --import tsx bench/ingest/profile-summary.ts bench/results/profiles/ingest-50MB.cpuprofile [--top 25]
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { z } from "zod";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const profileSchema = z.object({
  nodes: z.array(
    z.object({
      id: z.number(),
      callFrame: z.object({ functionName: z.string(), url: z.string(), lineNumber: z.number() }),
      children: z.array(z.number()).optional(),
    }),
  ),
  startTime: z.number(),
  endTime: z.number(),
  samples: z.array(z.number()),
  timeDeltas: z.array(z.number()),
});
type Profile = z.infer<typeof profileSchema>;
type Frame = Profile["nodes"][number]["callFrame"];

export type ProfileSummary = {
  totalSeconds: number;
  /** Self time per function, highest first. */
  self: Array<{ name: string; seconds: number; share: number }>;
  /** Self time per source file (or "node internals", "(idle)", "(garbage collector)"). */
  byFile: Array<{ name: string; seconds: number; share: number }>;
  /** Time with the function anywhere on the stack, for functions in lib/, highest first. */
  inclusiveLib: Array<{ name: string; seconds: number; share: number }>;
};

/** `window`: only samples taken in this span of the monotonic clock (µs), e.g. the ingest without the process's start-up. */
export function summariseProfile(file: string, top = 25, window?: { startMicros: number; endMicros: number }): ProfileSummary {
  const profile = profileSchema.parse(JSON.parse(fs.readFileSync(file, "utf8")));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let stamp = profile.startTime;
  profile.samples.forEach((id, i) => {
    stamp += profile.timeDeltas[i] ?? 0;
    if (window !== undefined && (stamp < window.startMicros || stamp > window.endMicros)) return;
    const micros = profile.timeDeltas[i + 1] ?? 0; // a sample's time is the gap to the next one
    total += micros;
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined) return;
    add(self, label(frame), micros);
    add(byFile, fileOf(frame), micros);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)?.callFrame;
      if (f === undefined || !relative(f.url).startsWith("lib/")) continue;
      const name = label(f);
      if (!seen.has(name)) add(inclusive, name, micros), seen.add(name);
    }
  });
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, seconds: micros / 1e6, share: micros / total }));
  return { totalSeconds: total / 1e6, self: ranked(self), byFile: ranked(byFile), inclusiveLib: ranked(inclusive) };
}

function add(map: Map<string, number>, key: string, micros: number): void {
  map.set(key, (map.get(key) ?? 0) + micros);
}

function relative(url: string): string {
  return url.startsWith("file://") ? path.relative(ROOT, fileURLToPath(url)) : url;
}

function label(frame: Frame): string {
  const where = relative(frame.url);
  const name = frame.functionName || "(anonymous)";
  // tsx's transpiled TypeScript has no useful line numbers: name and file only.
  if (where.endsWith(".ts")) return `${name} ${where}`;
  return where === "" ? name : `${name} ${where}:${frame.lineNumber + 1}`;
}

function fileOf(frame: Frame): string {
  const where = relative(frame.url);
  if (where === "") return frame.functionName; // (idle), (program), (garbage collector)
  if (where.startsWith("node:")) return "node internals";
  if (where.startsWith("node_modules/")) return where.split("/").slice(0, where.split("/")[1]?.startsWith("@") ? 3 : 2).join("/");
  return where;
}

export function formatSummary(summary: ProfileSummary): string {
  const block = (title: string, rows: ProfileSummary["self"]) =>
    [title, ...rows.map((r) => `  ${r.seconds.toFixed(2).padStart(7)} s ${(100 * r.share).toFixed(1).padStart(5)}%  ${r.name}`)].join("\n");
  return [
    `${summary.totalSeconds.toFixed(2)} s profiled ("(idle)": Node waiting, mostly for PostgreSQL)`,
    block("self time by file:", summary.byFile),
    block("self time by function:", summary.self),
    block("inclusive time, functions in lib/:", summary.inclusiveLib),
  ].join("\n\n");
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, "/"))) {
  const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { top: { type: "string" } }, allowPositionals: true });
  const args = z.object({ file: z.string().min(1), top: z.coerce.number().int().min(1).default(25) }).parse({ file: positionals[0], top: values.top });
  console.log(formatSummary(summariseProfile(args.file, args.top)));
}
