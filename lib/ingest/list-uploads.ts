import { z } from "zod";
import type { Database, Prisma } from "../database";
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
  const uploads = await db.upload.findMany({ orderBy: { createdAt: "desc" }, take: limit, include: WITH_FILES });
  return uploads.map(listingOf);
}

/** One upload, as the list has it; null when no upload has this id. */
export async function readUpload(db: Database, uploadId: string): Promise<UploadListing | null> {
  // Not a uuid, so not an upload: PostgreSQL would refuse the comparison itself.
  if (!z.uuid().safeParse(uploadId).success) return null;
  const upload = await db.upload.findUnique({ where: { id: uploadId }, include: WITH_FILES });
  return upload && listingOf(upload);
}

const WITH_FILES = { files: { orderBy: { name: "asc" } } } satisfies Prisma.UploadInclude;

function listingOf(upload: Prisma.UploadGetPayload<{ include: typeof WITH_FILES }>): UploadListing {
  return {
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
  };
}
