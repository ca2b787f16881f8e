import type { Database } from "../database";
import type { FacetValue } from "./facet-values-answer";
import type { SearchedFilters } from "./search";
import { whereClause } from "./where-clause";

/**
 * How much of a body a row stands for, in characters: a click on the row
 * searches for that text, and a search (`q`) holds at most 200 UTF-16 units,
 * two for a character outside the BMP (an emoji).
 */
const BODY_KEY_LENGTH = 100;

/**
 * The response bodies of the view's unexplained 401s (cause `unknown`), most
 * frequent first: no credential message names their cause, so what the
 * backend or a custom interceptor answered is what tells them apart. Bodies
 * are grouped by their first 100 characters, surrounding blanks left out.
 */
export async function readUnexplainedBodies(db: Database, filters: SearchedFilters, now: Date, limit: number): Promise<FacetValue[]> {
  // Blanks around trimmed as a search's value is (zod's trim), so that the row shows as the search it starts.
  return db.$queryRaw<FacetValue[]>`
    SELECT btrim(left(c.response_body, ${BODY_KEY_LENGTH}), E' \t\r\n\f\v') AS value, count(*)::int AS count
      FROM calls c WHERE ${whereClause(filters, now)} AND c.cause = 'unknown' AND btrim(c.response_body, E' \t\r\n\f\v') <> ''
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`;
}
