import type { Database } from "../database";
import type { FacetValue } from "./facet-values-answer";
import type { SearchedFilters } from "./search";
import { whereClause } from "./where-clause";

/**
 * How much of a body a row stands for: as much as a search (`q`) may hold,
 * so that a click on the row searches for exactly that text.
 */
const BODY_KEY_LENGTH = 200;

/**
 * The response bodies of the view's unexplained 401s (cause `unknown`), most
 * frequent first: no credential message names their cause, so what the
 * backend or a custom interceptor answered is what tells them apart. Bodies
 * are grouped by their first 200 characters, surrounding blanks left out.
 */
export async function readUnexplainedBodies(db: Database, filters: SearchedFilters, now: Date, limit: number): Promise<FacetValue[]> {
  return db.$queryRaw<FacetValue[]>`
    SELECT btrim(left(c.response_body, ${BODY_KEY_LENGTH})) AS value, count(*)::int AS count
      FROM calls c WHERE ${whereClause(filters, now)} AND c.cause = 'unknown' AND btrim(c.response_body) <> ''
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`;
}
