import { spawn } from "node:child_process";
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Command } from "commander";
import { z } from "zod";
import { generateTrace, parseSize } from "./generate";
import type { Format } from "./render";

const repoRoot = path.resolve(import.meta.dirname, "../..");
const optionsSchema = z.object({
  sizes: z.string().transform((text) => text.split(",").map((size) => ({ label: size.trim(), bytes: parseSize(size) }))),
  formats: z.string().transform((text) => text.split(",").map((f) => z.enum(["text", "json_lines", "json_document"]).parse(f.trim()))),
  gzip: z.boolean(),
  runs: z.coerce.number().int().min(1),
  dataDir: z.string(),
});
type Options = z.infer<typeof optionsSchema>;

type Measurement = { seconds: number; peakRssMb: number | null };
type Result = {
  format: Format;
  gzip: boolean;
  size: string;
  bytes: number;
  lines: number;
  readlineSeconds: number;
  /** floor-count.mjs: cutting lines and counting them per call, nothing else. */
  floorSeconds: number;
  classifySeconds: number;
  ratio: number;
  floorRatio: number;
  classifyPeakRssMb: number | null;
  runs: number;
};

async function main(): Promise<void> {
  const program = new Command("bench:classify")
    .description("time `tracelens classify` against Node's readline line count of the same generated file")
    .option("--sizes <list>", "comma-separated sizes of the generated trace", "50MB,200MB")
    .option("--formats <list>", "text, json_lines, json_document", "text")
    .option("--gzip", "gzip the generated files", false)
    .option("--runs <n>", "runs of each command; the median is kept", "3")
    .option("--data-dir <dir>", "where generated traces are kept between runs", path.join(os.tmpdir(), "tracelens-bench"))
    .parse();
  const options = optionsSchema.parse(program.opts());
  mkdirSync(options.dataDir, { recursive: true });
  const results: Result[] = [];
  for (const format of options.formats) for (const size of options.sizes) results.push(await measure(format, size, options));
  const output = path.join(repoRoot, "bench/results/classify.json");
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, results }, null, 2) + "\n");
  console.log(`\nwritten to ${path.relative(repoRoot, output)}`);
}

async function measure(format: Format, size: { label: string; bytes: number }, options: Options): Promise<Result> {
  const file = path.join(options.dataDir, `classify-${format}-${size.label}${options.gzip ? ".gz" : ""}`);
  if (!existsSync(file)) {
    process.stdout.write(`generating ${file} ... `);
    const trace = await generateTrace(createWriteStream(file), { format, bytes: size.bytes, gzip: options.gzip });
    process.stdout.write(`${trace.calls} calls\n`);
  }
  await warmPageCache(file);
  const readline: Measurement[] = [];
  const floor: Measurement[] = [];
  const classify: Measurement[] = [];
  let lines = 0;
  // Alternated, so that a noisy moment of the machine weighs on both.
  for (let run = 0; run < options.runs; run++) {
    const count = await timed([path.join(import.meta.dirname, "readline-count.mjs"), file], true);
    lines = Number(count.stdout.trim());
    readline.push(count);
    floor.push(await timed([path.join(import.meta.dirname, "floor-count.mjs"), file], false));
    classify.push(await timed([path.join(repoRoot, "bin/tracelens.mjs"), "classify", file], false));
  }
  const readlineSeconds = median(readline.map((m) => m.seconds));
  const floorSeconds = median(floor.map((m) => m.seconds));
  const classifySeconds = median(classify.map((m) => m.seconds));
  const peaks = classify.map((m) => m.peakRssMb).filter((mb): mb is number => mb !== null);
  const result: Result = {
    format,
    gzip: options.gzip,
    size: size.label,
    bytes: size.bytes,
    lines,
    readlineSeconds,
    floorSeconds,
    classifySeconds,
    ratio: classifySeconds / readlineSeconds,
    floorRatio: floorSeconds / readlineSeconds,
    classifyPeakRssMb: peaks.length > 0 ? Math.max(...peaks) : null,
    runs: options.runs,
  };
  console.log(
    `${format}${options.gzip ? "+gzip" : ""} ${size.label}: ${lines} lines; readline ${readlineSeconds.toFixed(2)} s, ` +
      `floor ${floorSeconds.toFixed(2)} s (${result.floorRatio.toFixed(2)}x), ` +
      `classify ${classifySeconds.toFixed(2)} s, ratio ${result.ratio.toFixed(2)}x, classify peak RSS ${result.classifyPeakRssMb ?? "?"} MB`,
  );
  return result;
}

/** Runs `node args`, timing it and following its peak RSS (VmHWM, Linux) until it exits. */
function timed(args: string[], keepStdout: boolean): Promise<Measurement & { stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      stdio: ["ignore", keepStdout ? "pipe" : "ignore", "inherit"],
      env: { ...process.env, TRACELENS_FINGERPRINT_KEY: process.env.TRACELENS_FINGERPRINT_KEY ?? "tracelens benchmark" },
    });
    let stdout = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    let peakKb: number | null = null;
    const sample = () => (peakKb = highWaterMarkKb(child.pid) ?? peakKb);
    const sampler = setInterval(sample, 5);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(sampler);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited with ${code}`));
      else resolve({ seconds, peakRssMb: peakKb === null ? null : Math.round(peakKb / 1024), stdout });
    });
  });
}

function highWaterMarkKb(pid: number | undefined): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const m = /^VmHWM:\s+(\d+) kB/m.exec(status);
    return m === null ? null : Number(m[1]);
  } catch {
    return null;
  }
}

async function warmPageCache(file: string): Promise<void> {
  for await (const _chunk of createReadStream(file, { highWaterMark: 1 << 20 }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

await main();
