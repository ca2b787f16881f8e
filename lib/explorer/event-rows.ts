import { Prisma } from "../database";

/** An event's severity as a rank, from its level as written: ERROR or FATAL 2, WARN or WARNING 1, anything else 0 (over `e.level`). */
export const SEVERITY_RANK = Prisma.sql`CASE WHEN upper(e.level) IN ('ERROR', 'FATAL') THEN 2 WHEN upper(e.level) IN ('WARN', 'WARNING') THEN 1 ELSE 0 END`;

/**
 * The gateway events `where` picks (over `gateway_events e JOIN upload_files
 * f`), a line that overlapping files hold (a rotated log, logs shipped twice)
 * once: by its time and text, from the first file by name. Columns: time,
 * text, level, line, seq, file, file_id, upload_id.
 */
export const distinctEvents = (where: Prisma.Sql) => Prisma.sql`
  SELECT DISTINCT ON (e.time, e.text) e.time, e.text, e.level, e.line, e.seq, f.name AS file, f.id AS file_id, f.upload_id
    FROM gateway_events e JOIN upload_files f ON f.id = e.file_id
   WHERE ${where}
   ORDER BY e.time, e.text, f.name COLLATE "C", f.id, e.seq`;
