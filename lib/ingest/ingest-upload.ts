import crypto from "node:crypto";
import type pg from "pg";
import { rememberCarriedValues, type CarriedValueMemory, type TraceFileSummary, type TraceFormat, type TraceInput } from "../trace-reading";
import type { CallBatch } from "./call-batch";
import { echoesOfKeptValues, keepValueKeys } from "./carried-value-keys";
import { LateCarriedValues, valuesLearnedLate } from "./late-carried-values";
import { maskInStoredCalls } from "./mask-stored-calls";
import { settleCalls } from "./settle-calls";
import { storeFile } from "./store-file";
import { dateOf, TimeSpan } from "./time-span";
import { TouchedCalls, type RejectionsByCause } from "./touched-calls";
import { inMergeLock, withTransaction } from "./transaction";
import { storeEachReadable } from "./unreadable-files";

export type UploadSource = "http" | "cli";

/**
 * A file of an upload. One whose size is known before it is read (a file on
 * disk, not a stream) may give it with a way to hash its bytes: when a stored
 * file has that size and those bytes, it is a duplicate known without
 * reading it, which is what running `tracelens ingest` again over the same
 * files mostly meets. Hashing costs a reading of its own, so only a size
 * already stored asks for it.
 */
export type UploadedFile = TraceInput & { size?: number; sha256?: () => Promise<string> };

export type IngestRequest = {
  source: UploadSource;
  /** Shown in the uploads list; defaults to the file names. */
  name?: string;
  files: AsyncIterable<UploadedFile> | Iterable<UploadedFile>;
  /** Told, now and then while a file is read, how many calls it has so far. */
  onProgress?: (callsSoFar: number) => void;
  /** Calls held in memory before they are joined with stored ones and written. */
  callsPerBatch?: number;
  /** Characters of trace text held in memory before the calls read so far are written. */
  textPerBatch?: number;
};

export type FileOutcome = {
  name: string;
  format: TraceFormat;
  gzip: boolean;
  byteCount: number;
  lineCount: number;
  /** These exact bytes were already stored: nothing of the file was added. */
  duplicate: boolean;
};

export type UploadResult = {
  /** Null when every file was a duplicate and nothing was stored. */
  uploadId: string | null;
  files: FileOutcome[];
  callsAdded: number;
  callsUpdated: number;
  duplicateFiles: number;
  gatewayEvents: number;
  rejectionsByCause: RejectionsByCause;
};

/** An upload that carried no file at all: there is nothing to store, so nothing was. */
export class EmptyUploadError extends Error {
  constructor() {
    super("the upload holds no file");
  }
}

const CALLS_PER_BATCH = 4_000;
const TEXT_PER_BATCH = 16 * 1024 * 1024;

/**
 * One upload, stored whole or not at all, in one transaction: a file that
 * cannot be read rolls back everything (the files after it are still read,
 * to name each that cannot be read: UnreadableFilesError). Files stream into
 * the database and their calls are settled in batches, so memory stays
 * bounded whatever the size. Each file runs in a savepoint: one whose bytes
 * were stored before is undone whole. Uploads take the merge lock first, so
 * concurrent uploads of the same calls run one after the other: no lost
 * update, no deadlock.
 * An upload with no file at all throws EmptyUploadError (and stores nothing).
 */
export async function ingestUpload(pool: pg.Pool, request: IngestRequest, fingerprintKey: Buffer): Promise<UploadResult> {
  return withTransaction(pool, async (client, rollback) => {
    await inMergeLock(client);
    const uploadId = crypto.randomUUID();
    await client.query(
      `INSERT INTO uploads (id, name, source, file_count, duplicate_files, byte_count, line_count, calls_added, calls_updated, gateway_events)
       VALUES ($1, '', $2, 0, 0, 0, 0, 0, 0, 0)`,
      [uploadId, request.source],
    );
    const files: FileOutcome[] = [];
    const accepted: TraceFileSummary[] = [];
    const touched = new TouchedCalls();
    const late = new LateCarriedValues();
    const upload: UploadInProgress = { client, uploadId, request, fingerprintKey, late, carriedSoFar: rememberCarriedValues(fingerprintKey, late), span: new TimeSpan() };
    await storeEachReadable(request.files, {
      async store(input) {
        const { summary, touchedByFile } = await storeFileOnce(upload, input);
        late.fileDone();
        files.push({ ...outcomeOf(summary), duplicate: touchedByFile === null });
        if (touchedByFile === null) return;
        accepted.push(summary);
        touched.add(touchedByFile);
      },
      // Its writes and the merge lock go now, not once the files after it are read.
      refuse: rollback,
      fingerprintKey,
    });
    if (files.length === 0) throw new EmptyUploadError();
    const duplicateFiles = files.length - accepted.length;
    if (accepted.length === 0) {
      await rollback();
      return { uploadId: null, files, callsAdded: 0, callsUpdated: 0, duplicateFiles, gatewayEvents: 0, rejectionsByCause: {} };
    }
    const result: UploadResult = {
      uploadId,
      files,
      callsAdded: touched.added,
      callsUpdated: touched.updated,
      duplicateFiles,
      gatewayEvents: accepted.reduce((sum, file) => sum + file.gatewayEventCount, 0),
      rejectionsByCause: touched.rejectionsByCause(),
    };
    await recordUpload(client, uploadId, request.name ?? defaultName(files), accepted, result, upload.span);
    return result;
  });
}

/** What each file of an upload is stored with. */
type UploadInProgress = {
  client: pg.PoolClient;
  uploadId: string;
  request: IngestRequest;
  fingerprintKey: Buffer;
  carriedSoFar: CarriedValueMemory;
  late: LateCarriedValues;
  /** When the lines of the files kept were written. */
  span: TimeSpan;
};

/**
 * One file, in a savepoint: undone whole when its bytes were stored before
 * (touchedByFile null then), its calls counted only when it is kept.
 */
async function storeFileOnce(upload: UploadInProgress, input: UploadedFile): Promise<{ summary: TraceFileSummary; touchedByFile: TouchedCalls | null }> {
  const { client, uploadId, request } = upload;
  const known = await storedBeforeReading(client, input);
  if (known !== null) return { summary: known, touchedByFile: null };
  await client.query("SAVEPOINT file");
  const touchedByFile = new TouchedCalls();
  const settle = async (batch: CallBatch) => {
    // Taken before the reader goes on: what it learns from here on goes with a later batch.
    const learned = upload.late.take(batch);
    const { mask } = upload.carriedSoFar;
    keepValueKeys(batch, learned, mask);
    const storedBefore = await settleCalls(client, uploadId, batch, touchedByFile);
    // Values the readers learned too late for rows stored raw, and values they no longer knew: masked in one round.
    const values = valuesLearnedLate(batch, learned, storedBefore);
    for (const [callRef, echoed] of await echoesOfKeptValues(client, batch, storedBefore, learned, { mask, key: upload.fingerprintKey })) {
      values.set(callRef, [...(values.get(callRef) ?? []), ...echoed]);
    }
    await maskInStoredCalls(client, values, mask);
  };
  const stored = await storeFile(client, uploadId, input, {
    fingerprintKey: upload.fingerprintKey,
    carriedSoFar: upload.carriedSoFar,
    onProgress: request.onProgress,
    filling: (batch) => upload.late.fill(batch),
    settle,
    batchSize: request.callsPerBatch ?? CALLS_PER_BATCH,
    textPerBatch: request.textPerBatch ?? TEXT_PER_BATCH,
  });
  const duplicate = await isStored(client, stored.summary);
  if (duplicate) {
    await client.query("ROLLBACK TO SAVEPOINT file");
  } else {
    await settle(stored.lastBatch);
    await recordFile(client, stored.fileId, stored.summary);
    upload.span.addSpan(stored.span);
  }
  await client.query("RELEASE SAVEPOINT file");
  return { summary: stored.summary, touchedByFile: duplicate ? null : touchedByFile };
}

/** What a stored file with the same bytes says of this one, found without reading it; null when none has them (or their size is not known). */
async function storedBeforeReading(client: pg.PoolClient, input: UploadedFile): Promise<TraceFileSummary | null> {
  if (input.size === undefined || input.sha256 === undefined) return null;
  const sameSize = await client.query(`SELECT 1 FROM upload_files WHERE byte_count = $1 LIMIT 1`, [input.size]);
  if (sameSize.rowCount === 0) return null;
  const sha256 = await input.sha256();
  const stored = await client.query<{ format: TraceFormat; gzip: boolean; content_sha256: string | null; line_count: number }>(
    `SELECT format, gzip, content_sha256, line_count FROM upload_files WHERE sha256 = $1 LIMIT 1`,
    [sha256],
  );
  const row = stored.rows[0];
  if (row === undefined) return null;
  // Not read, so not opened for good: its handle goes now.
  if ("destroy" in input.stream) input.stream.destroy();
  const { format, gzip, content_sha256: contentSha256, line_count: lineCount } = row;
  return { name: input.name, format, gzip, sha256, contentSha256: contentSha256 ?? sha256, byteCount: input.size, lineCount, gatewayEventCount: 0 };
}

/**
 * Bytes already stored by an earlier upload, or earlier in this one, or the
 * same content in other bytes (gzipped, or no longer). Under the merge
 * lock, so it cannot race.
 */
async function isStored(client: pg.PoolClient, { sha256, contentSha256 }: TraceFileSummary): Promise<boolean> {
  const known = await client.query(`SELECT 1 FROM upload_files WHERE sha256 = $1 OR content_sha256 = $2`, [sha256, contentSha256]);
  return (known.rowCount ?? 0) > 0;
}

async function recordFile(client: pg.PoolClient, fileId: string, summary: TraceFileSummary): Promise<void> {
  const { sha256, contentSha256, format, gzip, byteCount, lineCount } = summary;
  await client.query(
    `UPDATE upload_files SET sha256 = $2, content_sha256 = $3, format = $4, gzip = $5, byte_count = $6, line_count = $7 WHERE id = $1`,
    [fileId, sha256, contentSha256, format, gzip, byteCount, lineCount],
  );
}

function outcomeOf(summary: TraceFileSummary): Omit<FileOutcome, "duplicate"> {
  const { name, format, gzip, byteCount, lineCount } = summary;
  return { name, format, gzip, byteCount, lineCount };
}

function defaultName(files: FileOutcome[]): string {
  const [first, ...rest] = files.map((file) => file.name);
  return rest.length === 0 ? (first ?? "upload") : `${first} and ${rest.length} more`;
}

async function recordUpload(client: pg.PoolClient, uploadId: string, name: string, accepted: TraceFileSummary[], result: UploadResult, span: TimeSpan) {
  await client.query(
    `UPDATE uploads SET name = $2, file_count = $3, duplicate_files = $4, byte_count = $5, line_count = $6,
            calls_added = $7, calls_updated = $8, rejections_by_cause = $9, gateway_events = $10, first_time = $11, last_time = $12
      WHERE id = $1`,
    [
      uploadId,
      name,
      accepted.length,
      result.duplicateFiles,
      accepted.reduce((sum, file) => sum + file.byteCount, 0),
      accepted.reduce((sum, file) => sum + file.lineCount, 0),
      result.callsAdded,
      result.callsUpdated,
      JSON.stringify(result.rejectionsByCause),
      result.gatewayEvents,
      dateOf(span.first),
      dateOf(span.last),
    ],
  );
}
