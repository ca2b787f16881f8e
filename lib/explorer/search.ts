import { Prisma, type Database } from "../database";
import type { CallFilters } from "./filters";
import { containing } from "./stored-text";

/**
 * What a view's text search (`q`) found, run once for all its queries: the
 * calls that match or, when fewer, those that do not (a search for the year
 * matches every call), by reference. A view runs a dozen queries (the page,
 * its total, nine facets, the charts); searching the trace text in each read
 * every stored line a dozen times.
 */
export type SharedSearch = { matching: readonly string[] } | { notMatching: readonly string[] };

/** Filters whose search was run once; null when both sides were too many to pass around. */
export type SearchedFilters = CallFilters & { sharedSearch?: SharedSearch | null };

/** Beyond this many calls on both sides, none is passed around: each query searches for itself. */
const MAX_SHARED_CALLS = 200_000;

/** Runs the filters' text search once, for every query of one view to share. */
export async function searchOnce(db: Database, filters: SearchedFilters, maxShared = MAX_SHARED_CALLS): Promise<SearchedFilters> {
  if (filters.q === undefined || filters.sharedSearch !== undefined) return filters;
  const condition = textSearch(filters.q);
  const matching = await callRefsWhere(db, condition, maxShared);
  if (matching !== null) return { ...filters, sharedSearch: { matching } };
  // NULL (a call without a URI or body) is not a match: IS NOT TRUE keeps it on this side.
  const notMatching = await callRefsWhere(db, Prisma.sql`(${condition}) IS NOT TRUE`, maxShared);
  // Too many either way: each query searches for itself, but none runs this search again.
  return { ...filters, sharedSearch: notMatching === null ? null : { notMatching } };
}

async function callRefsWhere(db: Database, condition: Prisma.Sql, max: number): Promise<string[] | null> {
  const rows = await db.$queryRaw<Array<{ call_ref: string }>>`SELECT c.call_ref FROM calls c WHERE ${condition} LIMIT ${max + 1}`;
  return rows.length > max ? null : rows.map((row) => row.call_ref);
}

/** The text search as a condition over `calls c`, or null when there is none. */
export function searchCondition(filters: SearchedFilters): Prisma.Sql | null {
  const shared = filters.sharedSearch;
  if (shared && "matching" in shared) return Prisma.sql`c.call_ref = ANY(${shared.matching}::text[])`;
  if (shared) return Prisma.sql`c.call_ref <> ALL(${shared.notMatching}::text[])`;
  return filters.q === undefined ? null : textSearch(filters.q);
}

/**
 * Text in the URI, the response body or any trace line of the call. The
 * segments are searched in one scan, each segment's lines as one text,
 * rather than line by line for each call in turn: on 240,000 calls that took
 * a search from 3.0 s to 1.0 s. A match may then span two lines of one
 * segment, as it already could span the lines of a stack trace.
 */
function textSearch(q: string): Prisma.Sql {
  const pattern = containing(q);
  return Prisma.sql`(c.uri ILIKE ${pattern} OR c.response_body ILIKE ${pattern}
    OR c.call_ref IN (SELECT s.call_ref FROM trace_segments s WHERE array_to_string(s.texts, E'\\n') ILIKE ${pattern}))`;
}
