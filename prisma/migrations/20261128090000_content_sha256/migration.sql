-- A file is also known by its decompressed content, so that a gzip of a
-- file stored before (or the plain text of a gzip stored before) adds
-- nothing (lib/ingest/ingest-upload.ts, isStored). A plain file's content is
-- its bytes; a gzip file stored before this has no content hash.
ALTER TABLE "upload_files" ADD COLUMN "content_sha256" CHAR(64);

UPDATE "upload_files" SET "content_sha256" = "sha256" WHERE NOT "gzip";

CREATE INDEX "upload_files_content_sha256_idx" ON "upload_files"("content_sha256");
