import type { Database } from "../database";
import type { TraceFormat } from "../trace-reading";
import type { UploadSource } from "./ingest-upload";
import type { RejectionsByCause } from "./touched-calls";
import { rejectionsByCauseAnswer } from "./upload-answer";

export type UploadListing = {
  id: string;
  name: string;
  source: UploadSource;
  createdAt: string;
  fileCount: number;
  duplicateFiles: number;
  byteCount: number;
  lineCount: number;
  callsAdded: number;
  callsUpdated: number;
  gatewayEvents: number;
  /** When its lines were written, the earliest and the latest (ISO 8601); null when unknown. */
  firstTime: string | null;
  lastTime: string | null;
  rejectionsByCause: RejectionsByCause;
  files: Array<{ name: string; format: TraceFormat; gzip: boolean; byteCount: number; lineCount: number }>;
};

/** Newest first. */
export async function listUploads(db: Database, limit = 200): Promise<UploadListing[]> {
  const uploads = await db.upload.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    include: { files: { orderBy: { name: "asc" } } },
  });
  return uploads.map((upload) => ({
    id: upload.id,
    name: upload.name,
    source: upload.source,
    createdAt: upload.createdAt.toISOString(),
    fileCount: upload.fileCount,
    duplicateFiles: upload.duplicateFiles,
    byteCount: Number(upload.byteCount),
    lineCount: upload.lineCount,
    callsAdded: upload.callsAdded,
    callsUpdated: upload.callsUpdated,
    gatewayEvents: upload.gatewayEvents,
    firstTime: upload.firstTime?.toISOString() ?? null,
    lastTime: upload.lastTime?.toISOString() ?? null,
    rejectionsByCause: rejectionsByCauseAnswer.parse(upload.rejectionsByCause),
    files: upload.files.map((file) => ({
      name: file.name,
      format: file.format,
      gzip: file.gzip,
      byteCount: Number(file.byteCount),
      lineCount: file.lineCount,
    })),
  }));
}
