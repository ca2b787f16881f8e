import { z } from "zod";
import { Prisma } from "../database";
import type { SortField } from "./fields";

type SortValue = string | number | null;

/**
 * Keyset paging on (sort column, call_ref): a page deep in the result costs
 * what the first one does. Nulls sort first when descending and last when
 * ascending (PostgreSQL's defaults), so the (time DESC, call_ref) index serves
 * the default order as is.
 */
export type Cursor = { value: SortValue; callRef: string };

export const SORT_COLUMNS: Record<SortField, { column: Prisma.Sql; cast: Prisma.Sql }> = {
  time: { column: Prisma.sql`c.time`, cast: Prisma.sql`::timestamptz` },
  status: { column: Prisma.sql`c.status`, cast: Prisma.sql`::int` },
  method: { column: Prisma.sql`c.method`, cast: Prisma.sql`::text` },
  uri: { column: Prisma.sql`c.uri`, cast: Prisma.sql`::text` },
  api: { column: Prisma.sql`c.api`, cast: Prisma.sql`::text` },
  app: { column: Prisma.sql`c.app`, cast: Prisma.sql`::text` },
  cause: { column: Prisma.sql`c.cause::text`, cast: Prisma.sql`::text` },
  interceptor: { column: Prisma.sql`c.interceptor`, cast: Prisma.sql`::text` },
  name: { column: Prisma.sql`c.credential_name`, cast: Prisma.sql`::text` },
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

export function afterCursor({ field, descending }: Sort, cursor: Cursor | null): Prisma.Sql {
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

const cursorSchema = z.tuple([z.union([z.string(), z.number(), z.null()]), z.string()]);

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.callRef])).toString("base64url");
}

/** Null when the text is not a cursor this server made. */
export function decodeCursor(text: string): Cursor | null {
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
    return parsed.success ? { value: parsed.data[0], callRef: parsed.data[1] } : null;
  } catch {
    return null;
  }
}
