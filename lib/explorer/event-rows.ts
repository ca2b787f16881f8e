import { Prisma } from "../database";

/** An event's severity as a rank, from its level as written: ERROR or FATAL 2, WARN or WARNING 1, anything else 0 (over `e.level`). */
export const SEVERITY_RANK = Prisma.sql`CASE WHEN upper(e.level) IN ('ERROR', 'FATAL') THEN 2 WHEN upper(e.level) IN ('WARN', 'WARNING') THEN 1 ELSE 0 END`;

/**
 * The gateway events `where` picks (over `gateway_events e JOIN upload_files
 * f`), a line that overlapping files hold (a rotated log, logs shipped twice)
 * once: by its time and text, from the first file by name. A line its file
 * holds more than once (a burst of "reloaded 3 APIs" within a millisecond,
 * which is when a gateway is in trouble) is as many events as the file
 * holding it most often has: the second copy of a file pairs with the second
 * of another, and so on. Columns: time, text, level, line, seq, file,
 * file_id, upload_id, and occurrence (1 for the first copy of a line in its
 * file, 2 for the second, ...).
 */
export const distinctEvents = (where: Prisma.Sql) => Prisma.sql`
  SELECT DISTINCT ON (time, text, occurrence) *
    FROM (SELECT e.time, e.text, e.level, e.line, e.seq, f.name AS file, f.id AS file_id, f.upload_id,
                 row_number() OVER (PARTITION BY e.time, e.text, f.id ORDER BY e.seq) AS occurrence
            FROM gateway_events e JOIN upload_files f ON f.id = e.file_id
           WHERE ${where}) copies
   ORDER BY time, text, occurrence, file COLLATE "C", file_id, seq`;
