import crypto from "node:crypto";
import type pg from "pg";
import { readTraceFile, type CarriedValueMemory, type TraceFileSummary, type TraceInput } from "../trace-reading";
import { CallBatch } from "./call-batch";
import { CopyBuffer } from "./copy-buffer";
import { dateOf, TimeSpan } from "./time-span";
import { WriteBehind } from "./write-behind";

/** The last batch of calls, still to settle once the file is known not to be a duplicate. */
/** `span`: when the file's lines were written. */
export type StoredFile = { fileId: string; summary: TraceFileSummary; lastBatch: CallBatch; span: TimeSpan };

export type StoreOptions = {
  fingerprintKey: Buffer;
  /** What the upload's earlier files carried, so that this one's echoes of it are masked. */
  carriedSoFar: CarriedValueMemory;
  onProgress?: ((callsSoFar: number) => void) | undefined;
  /** Told of each batch as the reader starts filling it. */
  filling: (batch: CallBatch) => void;
  /** Writes a batch of calls: their segments, and the calls joined with what is stored. */
  settle: (batch: CallBatch) => Promise<void>;
  /** A batch is written once it holds this many calls, */
  batchSize: number;
  /** or this many characters of trace text (a file of few, long calls). */
  textPerBatch: number;
};

// Until the file is read its hash is unknown, but its row must exist before
// its gateway events (foreign key). A unique placeholder stands in until then.
const pendingHash = (fileId: string) => `pending-${fileId.replaceAll("-", "")}`.padEnd(64, "0");

/**
 * Streams one file into the database inside the upload's transaction. Calls
 * are held a batch at a time: each full batch is settled while the next is
 * read. Gateway events, which are few, go with COPY a few MB at a time.
 */
export async function storeFile(
  client: pg.PoolClient,
  uploadId: string,
  input: TraceInput,
  options: StoreOptions,
): Promise<StoredFile> {
  const fileId = crypto.randomUUID();
  await client.query(
    `INSERT INTO upload_files (id, upload_id, name, sha256, format, gzip, byte_count, line_count)
     VALUES ($1, $2, $3, $4, 'text', false, 0, 0)`,
    [fileId, uploadId, input.name, pendingHash(fileId)],
  );
  const newBatch = () => {
    const next = new CallBatch(fileId);
    options.filling(next);
    return next;
  };
  let batch = newBatch();
  let settledCalls = 0;
  const gatewayEvents = new CopyBuffer("gateway_events", ["file_id", "seq", "line", "time", "level", "text"]);
  const writes = new WriteBehind();
  const span = new TimeSpan();
  const drain = async () => {
    writes.throwIfFailed();
    options.onProgress?.(settledCalls + batch.size);
    if (gatewayEvents.full) await writes.start(() => gatewayEvents.flush(client));
    if (batch.size < options.batchSize && batch.textLength < options.textPerBatch) return;
    const full = batch;
    batch = newBatch();
    settledCalls += full.size;
    await writes.start(() => options.settle(full));
  };
  const summary = await readTraceFile(
    input,
    {
      callEvent(event) {
        span.add(event.time);
        batch.apply(event);
      },
      gatewayEvent(event) {
        span.add(event.time);
        gatewayEvents.push([fileId, event.seq, event.line ?? 0, dateOf(event.time), event.level, event.text]);
      },
      drain,
    },
    { fingerprintKey: options.fingerprintKey, carriedSoFar: options.carriedSoFar },
  ).catch(async (error: unknown) => {
    // The connection must be free before the caller rolls back.
    await writes.finished().catch(() => undefined);
    throw error;
  });
  await writes.finished();
  await gatewayEvents.flush(client);
  return { fileId, summary, lastBatch: batch, span };
}
