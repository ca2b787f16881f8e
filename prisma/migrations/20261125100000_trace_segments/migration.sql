-- A call's trace lines from one file are stored as one row per ingest batch
-- (arrays in file order) instead of one row per line: writing a row and two
-- index entries per line cost the ingest several times the COPY of the lines.
CREATE TABLE "trace_segments" (
    "call_ref" TEXT NOT NULL,
    "file_id" UUID NOT NULL,
    "first_seq" INTEGER NOT NULL,
    "seqs" INTEGER[] NOT NULL,
    "lines" INTEGER[] NOT NULL,
    "times" TIMESTAMPTZ(3)[] NOT NULL,
    "levels" TEXT[] NOT NULL,
    "texts" TEXT[] NOT NULL,

    CONSTRAINT "trace_segments_pkey" PRIMARY KEY ("call_ref","file_id","first_seq")
);

CREATE INDEX "trace_segments_file_id_idx" ON "trace_segments"("file_id");

-- Lines already stored become one segment per call and file.
INSERT INTO "trace_segments"
SELECT "call_ref", "file_id", min("seq"),
       array_agg("seq" ORDER BY "seq"), array_agg("line" ORDER BY "seq"), array_agg("time" ORDER BY "seq"),
       array_agg("level" ORDER BY "seq"), array_agg("text" ORDER BY "seq")
  FROM "trace_lines"
 GROUP BY "call_ref", "file_id";

DROP TABLE "trace_lines";
