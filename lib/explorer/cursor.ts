import { z } from "zod";
import { Prisma } from "../database";
import type { SortField } from "./fields";
import { comparableText, inStorableYears } from "./stored-text";

type SortValue = string | number | null;

/**
 * Keyset paging on (sort column, call_ref): a page deep in the result costs
 * what the first one does. Nulls sort first when descending and last when
 * ascending (PostgreSQL's defaults), so the (time DESC, call_ref) index serves
 * the default order as is.
 */
export type Cursor = { value: SortValue; callRef: string };

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
  cause: { column: Prisma.sql`c.cause::text`, cast: Prisma.sql`::text`, value: comparableText },
  interceptor: { column: Prisma.sql`c.interceptor`, cast: Prisma.sql`::text`, value: comparableText },
  name: { column: Prisma.sql`c.credential_name`, cast: Prisma.sql`::text`, value: comparableText },
};

export type Sort = { field: SortField; descending: boolean };

export function parseSort(sort: string): Sort {
  const descending = sort.startsWith("-");
  return { field: (descending ? sort.slice(1) : sort) as SortField, descending };
}

export function orderBy({ field, descending }: Sort): Prisma.Sql {
  const { column } = SORT_COLUMNS[field];
  return descending ? Prisma.sql`${column} DESC, c.call_ref ASC` : Prisma.sql`${column} ASC, c.call_ref DESC`;
}

export function afterCursor({ field, descending }: Sort, cursor: Cursor | undefined): Prisma.Sql {
  if (!cursor) return Prisma.sql`TRUE`;
  const { column, cast } = SORT_COLUMNS[field];
  const ref = cursor.callRef;
  if (cursor.value === null) {
    return descending
      ? Prisma.sql`((${column} IS NULL AND c.call_ref > ${ref}) OR ${column} IS NOT NULL)`
      : Prisma.sql`(${column} IS NULL AND c.call_ref < ${ref})`;
  }
  const value = Prisma.sql`${cursor.value}${cast}`;
  // The outer bound (<= or >=) gives an index scan its starting point at the cursor.
  return descending
    ? Prisma.sql`(${column} <= ${value} AND (${column} < ${value} OR c.call_ref > ${ref}))`
    : Prisma.sql`((${column} >= ${value} AND (${column} > ${value} OR c.call_ref < ${ref})) OR ${column} IS NULL)`;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.callRef])).toString("base64url");
}

/** Null when the text is not a cursor this server made for a sort on this field. */
export function decodeCursor(text: string, field: SortField): Cursor | null {
  const schema = z.tuple([SORT_COLUMNS[field].value.nullable(), comparableText]);
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? { value: parsed.data[0], callRef: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
