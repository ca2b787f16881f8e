import { Prisma, type Database } from "../database";
import type { CallFilters } from "./filters";

/**
 * Filters whose text search (`q`) was already run: the calls it found, by
 * reference, or null when they were too many to pass around. A view runs a
 * dozen queries (the page, its total, nine facets, the charts); searching
 * the trace text in each read every stored line a dozen times.
 */
export type SearchedFilters = CallFilters & { matchingCalls?: readonly string[] | null };

/** Beyond this many matches the list is not passed around: each query searches for itself. */
const MAX_SHARED_MATCHES = 200_000;

/** Runs the filters' text search once, for every query of one view to share. */
export async function searchOnce(db: Database, filters: SearchedFilters): Promise<SearchedFilters> {
  if (filters.q === undefined || filters.matchingCalls !== undefined) return filters;
  const rows = await db.$queryRaw<Array<{ call_ref: string }>>`
    SELECT c.call_ref FROM calls c WHERE ${textSearch(filters.q)} LIMIT ${MAX_SHARED_MATCHES + 1}`;
  // Too many: each query searches for itself, but none runs this search again.
  return { ...filters, matchingCalls: rows.length > MAX_SHARED_MATCHES ? null : rows.map((row) => row.call_ref) };
}

/** The text search as a condition over `calls c`, or null when there is none. */
export function searchCondition(filters: SearchedFilters): Prisma.Sql | null {
  if (filters.matchingCalls) return Prisma.sql`c.call_ref = ANY(${filters.matchingCalls}::text[])`;
  return filters.q === undefined ? null : textSearch(filters.q);
}

/** Text in the URI, the response body or any trace line of the call. */
function textSearch(q: string): Prisma.Sql {
  const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return Prisma.sql`(c.uri ILIKE ${pattern} OR c.response_body ILIKE ${pattern}
    OR EXISTS (SELECT 1 FROM trace_segments s, unnest(s.texts) AS t(text) WHERE s.call_ref = c.call_ref AND t.text ILIKE ${pattern}))`;
}
