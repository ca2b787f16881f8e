-- When an upload's lines were written: the earliest and latest time among
-- them (calls' and gateway events' alike), so that the uploads page says
-- which upload holds this morning's trace. Null for an upload stored before
-- this, and for one whose lines carry no time.
ALTER TABLE "uploads" ADD COLUMN "first_time" TIMESTAMPTZ(3), ADD COLUMN "last_time" TIMESTAMPTZ(3);
