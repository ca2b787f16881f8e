import { Prisma, type Database } from "../database";
import type { Cause, CredentialElement, CredentialLocation } from "../rules";
import { afterKey, encodeCursor, orderBy, parseSort, reversed, SORT_COLUMNS, type Cursor, type CursorDirection, type Sort, type SortKey } from "./cursor";
import type { CallFilters } from "./filters";
import { searchOnce, type SearchedFilters } from "./search";
import { whereClause } from "./where-clause";

export type CallCredential = {
  element: CredentialElement;
  label: string | null;
  location: CredentialLocation;
  name: string;
  /** Masked preview of the value the call carried, when it carried one. */
  preview: string | null;
};

export type CallListItem = {
  callId: string;
  time: string | null;
  status: number | null;
  method: string | null;
  uri: string | null;
  api: string | null;
  app: string | null;
  userAgent: string | null;
  rejected: boolean;
  cause: Cause | null;
  credential: CallCredential | null;
  interceptor: string | null;
};

/**
 * One page of the view. `offset` is the position of its first item in the
 * whole result (0 on the first page), as counted along the walk from the
 * first page; `prevCursor` is null on the first page, `nextCursor` on the last.
 */
export type CallPage = { items: CallListItem[]; nextCursor: string | null; prevCursor: string | null; offset: number; total: number };

type CallRow = {
  call_ref: string;
  time: Date | null;
  status: number | null;
  method: string | null;
  uri: string | null;
  api: string | null;
  app: string | null;
  user_agent: string | null;
  rejected: boolean;
  cause: Cause | null;
  credential_element: CallCredential["element"] | null;
  credential_label: string | null;
  credential_location: CallCredential["location"] | null;
  credential_name: string | null;
  interceptor: string | null;
  preview: string | null;
  sort_value: Date | string | number | null;
};

/** One page of calls matching the filters, with the exact total. */
export async function listCalls(db: Database, given: SearchedFilters, now = new Date()): Promise<CallPage> {
  const filters = await searchOnce(db, given);
  const where = whereClause(filters, now);
  const [page, total] = await Promise.all([selectPage(db, filters, where), countCalls(db, where)]);
  const { rows, offset, more } = page;
  const first = rows[0];
  const last = rows.at(-1);
  return {
    items: rows.map(toItem),
    nextCursor: more.after && last ? encodeCursor(cursorOf(last, "after", offset + rows.length)) : null,
    prevCursor: more.before && first ? encodeCursor(cursorOf(first, "before", Math.max(offset - filters.limit, 0))) : null,
    offset,
    total,
  };
}

type PageRows = { rows: CallRow[]; offset: number; more: { before: boolean; after: boolean } };

/** The page's rows in the view's order, and whether rows lie beyond it on either side. */
async function selectPage(db: Database, filters: CallFilters, where: Prisma.Sql): Promise<PageRows> {
  const { cursor, limit } = filters;
  const sort = parseSort(filters.sort);
  if (cursor?.direction === "before") {
    // The rows just before the key, nearest first, then put back in the view's order.
    const rows = await selectCalls(db, reversed(sort), cursor, where, limit + 1);
    // Fewer than a page before it (calls removed since the walk began): the first page, full.
    if (rows.length < limit) return selectPage(db, { ...filters, cursor: undefined }, where);
    const before = rows.length > limit;
    return { rows: rows.slice(0, limit).reverse(), offset: before ? cursor.offset : 0, more: { before, after: true } };
  }
  const rows = await selectCalls(db, sort, cursor, where, limit + 1);
  return { rows: rows.slice(0, limit), offset: cursor?.offset ?? 0, more: { before: cursor !== undefined, after: rows.length > limit } };
}

const EXPORT_PAGE = 1000;

/** Every matching call from the cursor's page on (all of them without one), a page at a time: memory stays one page whatever the total. */
export async function* eachPageOfCalls(db: Database, given: CallFilters, now = new Date()): AsyncGenerator<CallListItem[]> {
  const filters = await searchOnce(db, given);
  const where = whereClause(filters, now);
  const sort = parseSort(filters.sort);
  let after: SortKey | undefined = filters.cursor;
  if (filters.cursor?.direction === "before") {
    // A previous page's cursor names the row after that page: find the page, then go on from its end.
    const { rows } = await selectPage(db, filters, where);
    if (rows.length > 0) yield rows.map(toItem);
    const last = rows.at(-1);
    if (!last) return;
    after = cursorOf(last, "after", 0);
  }
  for (;;) {
    const rows = await selectCalls(db, sort, after, where, EXPORT_PAGE);
    if (rows.length > 0) yield rows.map(toItem);
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_PAGE) return;
    after = cursorOf(last, "after", 0);
  }
}

/** Up to `limit` rows strictly after the key, in this order. */
async function selectCalls(db: Database, sort: Sort, after: SortKey | undefined, where: Prisma.Sql, limit: number): Promise<CallRow[]> {
  return db.$queryRaw<CallRow[]>`
    SELECT c.call_ref, c.time, c.status, c.method, c.uri, c.api, c.app, c.user_agent, c.rejected, c.cause::text AS cause,
           c.credential_element::text AS credential_element, c.credential_label,
           c.credential_location::text AS credential_location, c.credential_name, c.interceptor,
           carried.preview, ${SORT_COLUMNS[sort.field].column} AS sort_value
      FROM calls c
      LEFT JOIN LATERAL (
        SELECT k.preview FROM carried_credentials k
         WHERE k.call_ref = c.call_ref AND k.fingerprint = c.credential_fingerprint LIMIT 1
      ) carried ON TRUE
     WHERE ${where} AND ${afterKey(sort, after)}
     ORDER BY ${orderBy(sort)}
     LIMIT ${limit}`;
}

async function countCalls(db: Database, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM calls c WHERE ${where}`;
  return row?.total ?? 0;
}

function cursorOf(row: CallRow, direction: CursorDirection, offset: number): Cursor {
  const value = row.sort_value instanceof Date ? row.sort_value.toISOString() : row.sort_value;
  return { value, callRef: row.call_ref, direction, offset };
}

function toItem(row: CallRow): CallListItem {
  return {
    callId: row.call_ref,
    time: row.time?.toISOString() ?? null,
    status: row.status,
    method: row.method,
    uri: row.uri,
    api: row.api,
    app: row.app,
    userAgent: row.user_agent,
    rejected: row.rejected,
    cause: row.cause,
    credential:
      row.credential_element && row.credential_location && row.credential_name !== null
        ? { element: row.credential_element, label: row.credential_label, location: row.credential_location, name: row.credential_name, preview: row.preview }
        : null,
    interceptor: row.interceptor,
  };
}
