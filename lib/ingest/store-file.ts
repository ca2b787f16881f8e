import crypto from "node:crypto";
import type pg from "pg";
import { CallLinker } from "../calls";
import { readTraceFile, type TraceFileSummary, type TraceInput } from "../trace-reading";
import { CopyBuffer } from "./copy-buffer";

export type StoredFile = { fileId: string; summary: TraceFileSummary; calls: CallLinker };

// Until the file is read its hash is unknown, but its row must exist before
// its lines (foreign key). A unique placeholder stands in until then.
const pendingHash = (fileId: string) => `pending-${fileId.replaceAll("-", "")}`.padEnd(64, "0");

/**
 * Streams one file into trace_lines and gateway_events with COPY, inside the
 * upload's transaction, and keeps only its calls' facts in memory.
 */
export async function storeFile(
  client: pg.PoolClient,
  uploadId: string,
  input: TraceInput,
  options: { fingerprintKey: Buffer; onProgress?: ((callsSoFar: number) => void) | undefined },
): Promise<StoredFile> {
  const fileId = crypto.randomUUID();
  await client.query(
    `INSERT INTO upload_files (id, upload_id, name, sha256, format, gzip, byte_count, line_count)
     VALUES ($1, $2, $3, $4, 'text', false, 0, 0)`,
    [fileId, uploadId, input.name, pendingHash(fileId)],
  );
  const calls = new CallLinker();
  const traceLines = new CopyBuffer("trace_lines", ["call_ref", "file_id", "seq", "line", "time", "level", "text"]);
  const gatewayEvents = new CopyBuffer("gateway_events", ["file_id", "seq", "line", "time", "level", "text"]);
  const flushFull = async () => {
    options.onProgress?.(calls.size);
    if (traceLines.full) await traceLines.flush(client);
    if (gatewayEvents.full) await gatewayEvents.flush(client);
  };
  const summary = await readTraceFile(
    input,
    {
      callEvent(event) {
        calls.apply(event);
        traceLines.push([event.callRef, fileId, event.seq, event.line, timeOf(event.time), event.level, event.text]);
      },
      gatewayEvent(event) {
        gatewayEvents.push([fileId, event.seq, event.line ?? 0, timeOf(event.time), event.level, event.text]);
      },
      drain: flushFull,
    },
    { fingerprintKey: options.fingerprintKey },
  );
  await traceLines.flush(client);
  await gatewayEvents.flush(client);
  return { fileId, summary, calls };
}

function timeOf(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}
