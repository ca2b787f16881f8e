import { z } from "zod";
import { Prisma } from "../database";
import { CAUSE_ORDER } from "../rules";
import type { SortField } from "./fields";
import { comparableText, inStorableYears } from "./stored-text";

type SortValue = string | number | null;

/**
 * Keyset paging on (sort column, call_ref): a page deep in the result costs
 * what the first one does. Nulls sort first when descending and last when
 * ascending (PostgreSQL's defaults), so the (time DESC, call_ref) index serves
 * the default order as is.
 */
export type SortKey = { value: SortValue; callRef: string };

/**
 * A page's cursor: the key of a row and which side of it the page lies on
 * ("after" for the next page, "before" for the previous), with the position
 * of the page's first row in the whole result, counted along the walk from
 * the first page (what "51–100 of N" shows; counting it in SQL would cost a
 * scan of every row before the page).
 */
export type Cursor = SortKey & { direction: CursorDirection; offset: number };
export type CursorDirection = "after" | "before";

/**
 * Each sort field's column, the cast that makes a cursor's value comparable
 * with it, and the type that value has in a cursor this server made (a time
 * is ISO text): anything else would reach PostgreSQL as a bad cast.
 */
export const SORT_COLUMNS: Record<SortField, { column: Prisma.Sql; cast: Prisma.Sql; value: z.ZodType<SortValue> }> = {
  time: { column: Prisma.sql`c.time`, cast: Prisma.sql`::timestamptz`, value: z.iso.datetime().refine((value) => inStorableYears(new Date(value))) },
  status: { column: Prisma.sql`c.status`, cast: Prisma.sql`::int`, value: z.int32() },
  method: { column: Prisma.sql`c.method`, cast: Prisma.sql`::text`, value: comparableText },
  uri: { column: Prisma.sql`c.uri`, cast: Prisma.sql`::text`, value: comparableText },
  api: { column: Prisma.sql`c.api`, cast: Prisma.sql`::text`, value: comparableText },
  app: { column: Prisma.sql`c.app`, cast: Prisma.sql`::text`, value: comparableText },
  agent: { column: Prisma.sql`c.user_agent`, cast: Prisma.sql`::text`, value: comparableText },
  // The enum itself, not its text: its labels are declared in the rules table's order, which a sort by cause then follows.
  cause: { column: Prisma.sql`c.cause`, cast: Prisma.sql`::"Cause"`, value: z.enum(CAUSE_ORDER) },
  interceptor: { column: Prisma.sql`c.interceptor`, cast: Prisma.sql`::text`, value: comparableText },
  name: { column: Prisma.sql`c.credential_name`, cast: Prisma.sql`::text`, value: comparableText },
};

export type Sort = { field: SortField; descending: boolean };

export function parseSort(sort: string): Sort {
  const descending = sort.startsWith("-");
  return { field: (descending ? sort.slice(1) : sort) as SortField, descending };
}

/**
 * The same order read backwards. Descending is exactly ascending reversed
 * (nulls first against nulls last, call_ref ascending against descending), so
 * the rows before a key in one order are the rows after it in the other, and
 * the previous page is the keyset condition of the reversed sort, read with
 * the same index from the other end.
 */
export function reversed({ field, descending }: Sort): Sort {
  return { field, descending: !descending };
}

export function orderBy({ field, descending }: Sort): Prisma.Sql {
  const { column } = SORT_COLUMNS[field];
  return descending ? Prisma.sql`${column} DESC, c.call_ref ASC` : Prisma.sql`${column} ASC, c.call_ref DESC`;
}

/** The rows strictly after the key in this order (every row without one). */
export function afterKey({ field, descending }: Sort, key: SortKey | undefined): Prisma.Sql {
  if (!key) return Prisma.sql`TRUE`;
  const { column, cast } = SORT_COLUMNS[field];
  const ref = key.callRef;
  if (key.value === null) {
    return descending
      ? Prisma.sql`((${column} IS NULL AND c.call_ref > ${ref}) OR ${column} IS NOT NULL)`
      : Prisma.sql`(${column} IS NULL AND c.call_ref < ${ref})`;
  }
  const value = Prisma.sql`${key.value}${cast}`;
  // The outer bound (<= or >=) gives an index scan its starting point at the key.
  return descending
    ? Prisma.sql`(${column} <= ${value} AND (${column} < ${value} OR c.call_ref > ${ref}))`
    : Prisma.sql`((${column} >= ${value} AND (${column} > ${value} OR c.call_ref < ${ref})) OR ${column} IS NULL)`;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.callRef, cursor.offset, cursor.direction])).toString("base64url");
}

/** Null when the text is not a cursor this server made for a sort on this field. */
export function decodeCursor(text: string, field: SortField): Cursor | null {
  const schema = z.tuple([SORT_COLUMNS[field].value.nullable(), comparableText, z.int().min(0), z.enum(["after", "before"])]);
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [value, callRef, offset, direction] = parsed.data;
    return { value, callRef, offset, direction };
  } catch {
    return null;
  }
}
