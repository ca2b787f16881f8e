import crypto from "node:crypto";
import type pg from "pg";
import { CallLinker } from "../calls";
import { readTraceFile, type TraceFileSummary, type TraceInput } from "../trace-reading";
import { CopyBuffer } from "./copy-buffer";
import { TraceSegments } from "./trace-segments";
import { WriteBehind } from "./write-behind";

/** The calls still held when the file ends (earlier batches are already settled). */
export type StoredFile = { fileId: string; summary: TraceFileSummary; calls: CallLinker };

export type StoreOptions = {
  fingerprintKey: Buffer;
  onProgress?: ((callsSoFar: number) => void) | undefined;
  /** Joins and writes a batch of calls; called whenever `batchSize` calls are held. */
  settle: (calls: CallLinker) => Promise<void>;
  batchSize: number;
};

// Until the file is read its hash is unknown, but its row must exist before
// its gateway events (foreign key). A unique placeholder stands in until then.
const pendingHash = (fileId: string) => `pending-${fileId.replaceAll("-", "")}`.padEnd(64, "0");

/**
 * Streams one file into trace_segments and gateway_events with COPY, inside
 * the upload's transaction. Calls' facts and lines are held a batch at a time:
 * each full batch's lines are written and its calls handed to `settle` while
 * the next batch is read. Gateway events, which are few, go a few MB at a time.
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
  let calls = new CallLinker();
  let settledCalls = 0;
  let traceSegments = new TraceSegments(fileId);
  const gatewayEvents = new CopyBuffer("gateway_events", ["file_id", "seq", "line", "time", "level", "text"]);
  const writes = new WriteBehind();
  // A full batch is written while the reader parses the next one.
  const drain = async () => {
    options.onProgress?.(settledCalls + calls.size);
    if (gatewayEvents.full) await writes.start(() => gatewayEvents.flush(client));
    if (calls.size < options.batchSize) return;
    const [batch, segments] = [calls, traceSegments];
    calls = new CallLinker();
    traceSegments = new TraceSegments(fileId);
    settledCalls += batch.size;
    await writes.start(async () => {
      await segments.write(client);
      await options.settle(batch);
    });
  };
  const summary = await readTraceFile(
    input,
    {
      callEvent(event) {
        calls.apply(event);
        traceSegments.add(event);
      },
      gatewayEvent(event) {
        gatewayEvents.push([fileId, event.seq, event.line ?? 0, timeOf(event.time), event.level, event.text]);
      },
      drain,
    },
    { fingerprintKey: options.fingerprintKey },
  ).catch(async (error: unknown) => {
    // The connection must be free before the caller rolls back.
    await writes.finished().catch(() => undefined);
    throw error;
  });
  await writes.finished();
  await traceSegments.write(client);
  await gatewayEvents.flush(client);
  return { fileId, summary, calls };
}

function timeOf(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}
