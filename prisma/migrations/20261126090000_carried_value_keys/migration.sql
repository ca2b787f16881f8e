-- What an upload keeps of each value a call carried in a segment's lines, so
-- that a later upload (or a later batch of the same one, once the readers
-- have forgotten the call) can tell an echo of it without the value itself:
-- its keyed fingerprint and its length (lib/ingest/carried-value-keys.ts).
-- With the segment, so that it is written in the same COPY row and removed
-- with its upload.
ALTER TABLE "trace_segments" ADD COLUMN "value_fingerprints" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
ADD COLUMN "value_lengths" INTEGER[] NOT NULL DEFAULT ARRAY[]::INTEGER[];
