import crypto from "node:crypto";
import type pg from "pg";
import { CallLinker } from "../calls";
import { readTraceFile, type TraceFileSummary, type TraceInput } from "../trace-reading";
import { CopyBuffer } from "./copy-buffer";
import { CopyStream } from "./copy-stream";

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
// its lines (foreign key). A unique placeholder stands in until then.
const pendingHash = (fileId: string) => `pending-${fileId.replaceAll("-", "")}`.padEnd(64, "0");

/**
 * Streams one file into trace_lines and gateway_events with COPY, inside the
 * upload's transaction, holding at most a batch of calls' facts in memory
 * (each full batch is handed to `settle`). The lines' COPY stays open while
 * the file is read (PostgreSQL stores while the reader parses); gateway
 * events, which are few, are batched and sent in between.
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
  const traceLines = new CopyStream(client, "trace_lines", ["call_ref", "file_id", "seq", "line", "time", "level", "text"]);
  const gatewayEvents = new CopyBuffer("gateway_events", ["file_id", "seq", "line", "time", "level", "text"]);
  const drain = async () => {
    options.onProgress?.(settledCalls + calls.size);
    await traceLines.drain();
    // One COPY at a time on a connection: the lines' COPY closes while events or a batch go.
    if (gatewayEvents.full) {
      await traceLines.end();
      await gatewayEvents.flush(client);
    }
    if (calls.size >= options.batchSize) {
      await traceLines.end();
      await options.settle(calls);
      settledCalls += calls.size;
      calls = new CallLinker();
    }
  };
  const reading = readTraceFile(
    input,
    {
      callEvent(event) {
        calls.apply(event);
        traceLines.push([event.callRef, fileId, event.seq, event.line, timeOf(event.time), event.level, event.text]);
      },
      gatewayEvent(event) {
        gatewayEvents.push([fileId, event.seq, event.line ?? 0, timeOf(event.time), event.level, event.text]);
      },
      drain,
    },
    { fingerprintKey: options.fingerprintKey },
  );
  const summary = await reading.catch(async (error: Error) => {
    await traceLines.abort(error);
    throw error;
  });
  await traceLines.end();
  await gatewayEvents.flush(client);
  return { fileId, summary, calls };
}

function timeOf(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}
