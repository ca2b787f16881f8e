import { Prisma, type Database } from "../database";
import type { Cause, CredentialElement, CredentialLocation } from "../rules";
import { afterCursor, encodeCursor, orderBy, parseSort, SORT_COLUMNS, type Cursor } from "./cursor";
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
  rejected: boolean;
  cause: Cause | null;
  credential: CallCredential | null;
  interceptor: string | null;
};

export type CallPage = { items: CallListItem[]; nextCursor: string | null; total: number };

type CallRow = {
  call_ref: string;
  time: Date | null;
  status: number | null;
  method: string | null;
  uri: string | null;
  api: string | null;
  app: string | null;
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
  const [rows, total] = await Promise.all([selectCalls(db, filters, where, filters.limit + 1), countCalls(db, where)]);
  const items = rows.slice(0, filters.limit);
  const last = rows.length > filters.limit ? items.at(-1) : undefined;
  return { items: items.map(toItem), nextCursor: last ? encodeCursor(cursorOf(last)) : null, total };
}

const EXPORT_PAGE = 1000;

/** Every matching call, a page at a time, for the export: memory stays one page whatever the total. */
export async function* eachPageOfCalls(db: Database, given: CallFilters, now = new Date()): AsyncGenerator<CallListItem[]> {
  const filters = await searchOnce(db, given);
  const where = whereClause(filters, now);
  let cursor = filters.cursor;
  for (;;) {
    const rows = await selectCalls(db, { ...filters, cursor }, where, EXPORT_PAGE);
    if (rows.length > 0) yield rows.map(toItem);
    const last = rows.at(-1);
    if (!last || rows.length < EXPORT_PAGE) return;
    cursor = cursorOf(last);
  }
}

async function selectCalls(db: Database, filters: CallFilters, where: Prisma.Sql, limit: number): Promise<CallRow[]> {
  const sort = parseSort(filters.sort);
  return db.$queryRaw<CallRow[]>`
    SELECT c.call_ref, c.time, c.status, c.method, c.uri, c.api, c.app, c.rejected, c.cause::text AS cause,
           c.credential_element::text AS credential_element, c.credential_label,
           c.credential_location::text AS credential_location, c.credential_name, c.interceptor,
           carried.preview, ${SORT_COLUMNS[sort.field].column} AS sort_value
      FROM calls c
      LEFT JOIN LATERAL (
        SELECT k.preview FROM carried_credentials k
         WHERE k.call_ref = c.call_ref AND k.fingerprint = c.credential_fingerprint LIMIT 1
      ) carried ON TRUE
     WHERE ${where} AND ${afterCursor(sort, filters.cursor)}
     ORDER BY ${orderBy(sort)}
     LIMIT ${limit}`;
}

async function countCalls(db: Database, where: Prisma.Sql): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM calls c WHERE ${where}`;
  return row?.total ?? 0;
}

function cursorOf(row: CallRow): Cursor {
  const value = row.sort_value instanceof Date ? row.sort_value.toISOString() : row.sort_value;
  return { value, callRef: row.call_ref };
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
    rejected: row.rejected,
    cause: row.cause,
    credential:
      row.credential_element && row.credential_location && row.credential_name !== null
        ? { element: row.credential_element, label: row.credential_label, location: row.credential_location, name: row.credential_name, preview: row.preview }
        : null,
    interceptor: row.interceptor,
  };
}
