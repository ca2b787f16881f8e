import { Prisma, type Database } from "../database";
import { rangeTimes } from "./filters";
import type { SearchedFilters } from "./search";
import { whereClause } from "./where-clause";

type Window = { from: Date; to: Date };

/**
 * The view's relative range moved back to end at the latest call its other
 * filters match, when that call is older than the range: traces are often
 * read days after they were written, when "the last 24 hours" holds
 * nothing. Null when the range is not why the view is empty.
 */
export async function readLatestWindow(db: Database, filters: SearchedFilters, times: Window | null, now: Date): Promise<Window | null> {
  // A range never comes with from or to (the filters refuse both): leaving it out leaves no time bound.
  const { range, ...others } = filters;
  if (range === undefined || times === null) return null;
  const [row] = await db.$queryRaw<Array<{ latest: Date | null }>>(Prisma.sql`SELECT max(c.time) AS latest FROM calls c WHERE ${whereClause(others, now)}`);
  const latest = row?.latest ?? null;
  if (latest === null || latest >= times.from) return null;
  // `to` leaves out the instant it names: a millisecond later keeps the latest call in view.
  return rangeTimes(range, new Date(latest.getTime() + 1));
}
