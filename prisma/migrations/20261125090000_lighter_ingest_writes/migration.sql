-- trace_lines is by far the largest table: checking its foreign key on every
-- row cost about a third of its COPY. Deleting an upload removes its files'
-- lines itself (lib/ingest/delete-upload.ts).
ALTER TABLE "trace_lines" DROP CONSTRAINT "trace_lines_file_id_fkey";

-- Facts are written once per call and only ever read back whole by the
-- ingest: json keeps the text as sent instead of converting it to jsonb.
ALTER TABLE "call_contributions" ALTER COLUMN "facts" SET DATA TYPE JSON USING "facts"::json;
