import type { Command } from "commander";
import { z } from "zod";
import { environment, type Environment } from "../../config";
import { fingerprintKeyFor } from "../../credentials";
import type { UploadedFile } from "../../ingest";
import { parseArguments } from "../arguments";
import { ProgressReporter } from "../progress";
import { knownBytes, namedTraceFiles, openTraceFile, reportUnreadableFiles, traceFilePaths, type TraceFile } from "../trace-files";
import { formatUploadResult } from "../upload-report";

const optionsSchema = z.object({
  files: traceFilePaths.transform(namedTraceFiles),
  name: z.string().trim().min(1, "--name is empty").max(200, "--name is longer than 200 characters").optional(),
  json: z.boolean(),
});

export function registerIngest(program: Command): void {
  program
    .command("ingest")
    .description("store trace files in the database (embedded unless DATABASE_URL), as one upload: whole or not at all")
    .argument("<files...>", "trace files (text, JSON Lines or a JSON document, gzip or not), or - for standard input")
    .option("--name <name>", "name of the upload in the dashboard (default: the file names)")
    .option("--json", "print the result as JSON", false)
    .action(async (files: string[], options: { name?: string; json: boolean }) => {
      process.exitCode = await ingestCommand(parseArguments(optionsSchema, { files, ...options }));
    });
}

async function ingestCommand(options: z.infer<typeof optionsSchema>): Promise<number> {
  const settings = environment();
  // Loaded on demand: `classify` and `--help` should not pay for the database packages.
  const [{ connectPool }, { openDatabase }, { ingestUpload, UnreadableFilesError }] = await Promise.all([
    import("../../database"),
    import("../../database-setup"),
    import("../../ingest"),
  ]);
  const database = await openDatabase(settings, { shareRunning: true });
  const pool = connectPool(database.url);
  const progress = new ProgressReporter(process.stderr);
  try {
    // Before the first file is opened: a key the database refuses stores nothing.
    const fingerprintKey = await fingerprintKeyFor(pool, settings);
    const result = await ingestUpload(
      pool,
      { source: "cli", name: options.name, files: openEach(options.files, progress), onProgress: progress.calls },
      fingerprintKey,
    );
    progress.done();
    const into = databaseShown(settings);
    process.stdout.write(options.json ? `${JSON.stringify({ ...result, database: into })}\n` : formatUploadResult(result, into));
    return 0;
  } catch (error) {
    progress.done();
    if (!(error instanceof UnreadableFilesError)) throw error;
    return reportUnreadableFiles(error, options.files);
  } finally {
    await pool.end();
    await database.stop();
  }
}

/**
 * Where the upload went, without the password: a dashboard started with
 * another TRACELENS_DATA_DIR or DATABASE_URL shows another database, and
 * "my upload is not there" is the first thing a user would otherwise hit.
 */
function databaseShown(settings: Environment): string {
  if (settings.databaseUrl === undefined) return `the embedded database in ${settings.dataDir}`;
  const url = new URL(settings.databaseUrl);
  return `${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname} (DATABASE_URL)`;
}

function* openEach(files: TraceFile[], progress: ProgressReporter): Generator<UploadedFile> {
  for (const file of files) yield { name: file.name, stream: progress.track(file.name, openTraceFile(file)), ...knownBytes(file) };
}

