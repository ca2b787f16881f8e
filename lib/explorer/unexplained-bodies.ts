import type { Database } from "../database";
import type { FacetValue } from "./facet-values-answer";
import type { SearchedFilters } from "./search";
import { whereClause } from "./where-clause";
import { RESPONSE_BODY_KEY } from "./response-body-key";

/**
 * The response bodies of the view's unexplained 401s (cause `unknown`), most
 * frequent first: no credential message names their cause, so what the
 * backend or a custom interceptor answered is what tells them apart. Bodies
 * are grouped as the `body` filter a row links to reads them.
 */
export async function readUnexplainedBodies(db: Database, filters: SearchedFilters, now: Date, limit: number): Promise<FacetValue[]> {
  return db.$queryRaw<FacetValue[]>`
    SELECT ${RESPONSE_BODY_KEY} AS value, count(*)::int AS count
      FROM calls c WHERE ${whereClause(filters, now)} AND c.cause = 'unknown' AND btrim(c.response_body, E' \t\r\n\f\v') <> ''
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${limit}`;
}
