-- What an upload knew about a call moves from call_contributions (one row
-- per call and upload, with its own random-key index to maintain) to the
-- call's trace segments: each new segment holds the facts its lines gave.
ALTER TABLE "trace_segments" ADD COLUMN "facts" JSON;

-- Each stored contribution goes to the first segment of its upload for the
-- call; the upload's other segments of the call keep NULL.
UPDATE "trace_segments" s
   SET "facts" = c."facts"
  FROM "call_contributions" c
 CROSS JOIN LATERAL (
       SELECT f."file_id", f."first_seq"
         FROM "trace_segments" f JOIN "upload_files" u ON u."id" = f."file_id"
        WHERE f."call_ref" = c."call_ref" AND u."upload_id" = c."upload_id"
        ORDER BY f."file_id", f."first_seq"
        LIMIT 1) first
 WHERE s."call_ref" = c."call_ref" AND s."file_id" = first."file_id" AND s."first_seq" = first."first_seq";

-- A contribution without a line of its own keeps its facts on an empty
-- segment of its upload's first file.
INSERT INTO "trace_segments" ("call_ref", "file_id", "first_seq", "seqs", "lines", "times", "levels", "texts", "facts")
SELECT c."call_ref", (SELECT u."id" FROM "upload_files" u WHERE u."upload_id" = c."upload_id" ORDER BY u."id" LIMIT 1),
       -1, '{}', '{}', '{}', '{}', '{}', c."facts"
  FROM "call_contributions" c
 WHERE NOT EXISTS (
       SELECT 1 FROM "trace_segments" s JOIN "upload_files" u ON u."id" = s."file_id"
        WHERE s."call_ref" = c."call_ref" AND u."upload_id" = c."upload_id");

DROP TABLE "call_contributions";
