import type { Database } from "../database";

export type UploadListing = {
  id: string;
  name: string;
  source: "http" | "cli";
  createdAt: string;
  fileCount: number;
  duplicateFiles: number;
  byteCount: number;
  lineCount: number;
  callsAdded: number;
  callsUpdated: number;
  gatewayEvents: number;
  rejectionsByCause: Record<string, number>;
  files: Array<{ name: string; format: string; gzip: boolean; byteCount: number; lineCount: number }>;
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
    rejectionsByCause: upload.rejectionsByCause as Record<string, number>,
    files: upload.files.map((file) => ({
      name: file.name,
      format: file.format,
      gzip: file.gzip,
      byteCount: Number(file.byteCount),
      lineCount: file.lineCount,
    })),
  }));
}
