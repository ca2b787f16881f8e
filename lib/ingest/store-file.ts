import crypto from "node:crypto";
import type pg from "pg";
import { CallLinker } from "../calls";
import { readTraceFile, type TraceFileSummary, type TraceInput } from "../trace-reading";
import { CopyBuffer } from "./copy-buffer";
import { TraceSegments } from "./trace-segments";

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
 * the upload's transaction, holding at most a batch of calls' facts and lines
 * in memory: each full batch's lines are written and its calls handed to
 * `settle`. Gateway events, which are few, are sent a few MB at a time.
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
  const traceSegments = new TraceSegments(fileId);
  const gatewayEvents = new CopyBuffer("gateway_events", ["file_id", "seq", "line", "time", "level", "text"]);
  const drain = async () => {
    options.onProgress?.(settledCalls + calls.size);
    if (gatewayEvents.full) await gatewayEvents.flush(client);
    if (calls.size >= options.batchSize) {
      await traceSegments.write(client);
      await options.settle(calls);
      settledCalls += calls.size;
      calls = new CallLinker();
    }
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
  );
  await traceSegments.write(client);
  await gatewayEvents.flush(client);
  return { fileId, summary, calls };
}

function timeOf(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}
