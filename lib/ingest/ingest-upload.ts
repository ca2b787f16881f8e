import crypto from "node:crypto";
import type pg from "pg";
import { mergeCallFacts, type CallFacts } from "../calls";
import type { TraceFormat, TraceInput } from "../trace-reading";
import { existingCalls, loadContributions, storeContributions } from "./contributions";
import { inMergeLock, withTransaction } from "./transaction";
import { storeFile, type StoredFile } from "./store-file";
import { writeCalls, type RejectionsByCause } from "./write-calls";

export type UploadSource = "http" | "cli";

export type IngestRequest = {
  source: UploadSource;
  /** Shown in the uploads list; defaults to the file names. */
  name?: string;
  files: AsyncIterable<TraceInput> | Iterable<TraceInput>;
  /** Told, now and then while a file is read, how many calls it has so far. */
  onProgress?: (callsSoFar: number) => void;
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

/**
 * One upload, stored whole or not at all: files are streamed into the
 * database inside one transaction; a file that cannot be read rolls back
 * everything. Only the last step, joining this upload's calls with what
 * earlier uploads knew and re-classifying them, runs under a lock, so
 * concurrent uploads of the same calls neither lose an update nor deadlock.
 */
export async function ingestUpload(pool: pg.Pool, request: IngestRequest, fingerprintKey: Buffer): Promise<UploadResult> {
  return withTransaction(pool, async (client, rollback) => {
    const uploadId = crypto.randomUUID();
    await client.query(
      `INSERT INTO uploads (id, name, source, file_count, duplicate_files, byte_count, line_count, calls_added, calls_updated, gateway_events)
       VALUES ($1, '', $2, 0, 0, 0, 0, 0, 0, 0)`,
      [uploadId, request.source],
    );
    const stored: StoredFile[] = [];
    for await (const input of request.files) stored.push(await storeFile(client, uploadId, input, { fingerprintKey, onProgress: request.onProgress }));
    await inMergeLock(client);
    const duplicates = await dropDuplicateFiles(client, stored);
    const files = stored.map((file) => outcomeOf(file, duplicates.has(file)));
    const accepted = stored.filter((file) => !duplicates.has(file));
    if (accepted.length === 0) {
      await rollback();
      return { uploadId: null, files, callsAdded: 0, callsUpdated: 0, duplicateFiles: duplicates.size, gatewayEvents: 0, rejectionsByCause: {} };
    }
    const uploadCalls = callsOf(accepted);
    const callRefs = [...uploadCalls.keys()];
    const alreadyStored = await existingCalls(client, callRefs);
    const fromOtherUploads = await loadContributions(client, callRefs, uploadId);
    const rejectionsByCause = await writeCalls(client, joined(uploadCalls.values(), fromOtherUploads));
    await storeContributions(client, uploadId, uploadCalls.values());
    const result: UploadResult = {
      uploadId,
      files,
      callsAdded: callRefs.length - alreadyStored.size,
      callsUpdated: alreadyStored.size,
      duplicateFiles: duplicates.size,
      gatewayEvents: accepted.reduce((sum, file) => sum + file.summary.gatewayEventCount, 0),
      rejectionsByCause,
    };
    await recordUpload(client, uploadId, request.name ?? defaultName(stored), accepted, result);
    return result;
  });
}

/**
 * Files whose bytes are already stored (by an earlier upload, or earlier in
 * this one) are removed again; the others get their real hash and format.
 * Runs under the merge lock, so "already stored" cannot race.
 */
async function dropDuplicateFiles(client: pg.PoolClient, stored: StoredFile[]): Promise<Set<StoredFile>> {
  const duplicates = new Set<StoredFile>();
  const seen = new Set<string>();
  for (const file of stored) {
    const { sha256, format, gzip, byteCount, lineCount } = file.summary;
    const known = await client.query(`SELECT 1 FROM upload_files WHERE sha256 = $1`, [sha256]);
    if (seen.has(sha256) || (known.rowCount ?? 0) > 0) {
      duplicates.add(file);
      await client.query(`DELETE FROM upload_files WHERE id = $1`, [file.fileId]);
      continue;
    }
    seen.add(sha256);
    await client.query(
      `UPDATE upload_files SET sha256 = $2, format = $3, gzip = $4, byte_count = $5, line_count = $6 WHERE id = $1`,
      [file.fileId, sha256, format, gzip, byteCount, lineCount],
    );
  }
  return duplicates;
}

function callsOf(files: StoredFile[]): Map<string, CallFacts> {
  const calls = new Map<string, CallFacts>();
  for (const file of files) {
    for (const facts of file.calls) {
      const known = calls.get(facts.callRef);
      calls.set(facts.callRef, known ? mergeCallFacts(known, facts) : facts);
    }
  }
  return calls;
}

function* joined(calls: Iterable<CallFacts>, others: Map<string, CallFacts>): Iterable<CallFacts> {
  for (const facts of calls) {
    const other = others.get(facts.callRef);
    yield other ? mergeCallFacts(other, facts) : facts;
  }
}

function outcomeOf(file: StoredFile, duplicate: boolean): FileOutcome {
  const { name, format, gzip, byteCount, lineCount } = file.summary;
  return { name, format, gzip, byteCount, lineCount, duplicate };
}

function defaultName(files: StoredFile[]): string {
  const [first, ...rest] = files.map((file) => file.summary.name);
  return rest.length === 0 ? (first ?? "upload") : `${first} and ${rest.length} more`;
}

async function recordUpload(client: pg.PoolClient, uploadId: string, name: string, accepted: StoredFile[], result: UploadResult) {
  await client.query(
    `UPDATE uploads SET name = $2, file_count = $3, duplicate_files = $4, byte_count = $5, line_count = $6,
            calls_added = $7, calls_updated = $8, rejections_by_cause = $9, gateway_events = $10
      WHERE id = $1`,
    [
      uploadId,
      name,
      accepted.length,
      result.duplicateFiles,
      accepted.reduce((sum, file) => sum + file.summary.byteCount, 0),
      accepted.reduce((sum, file) => sum + file.summary.lineCount, 0),
      result.callsAdded,
      result.callsUpdated,
      JSON.stringify(result.rejectionsByCause),
      result.gatewayEvents,
    ],
  );
}
