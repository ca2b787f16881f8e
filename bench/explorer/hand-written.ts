import type pg from "pg";
import type { Facets, FacetValue, Histogram } from "../../lib/explorer";
import { CAUSE_ORDER } from "../../lib/rules";

/**
 * The SQL a person would write by hand for the benchmark's one view: rejected
 * calls whose cause is one of two, with the credential in a header. Columns
 * are compared in their own types (enums against enum values), keyset paging
 * gives the (time DESC, call_ref) index a bound to start from, and every
 * result has the shape the explorer returns, so the two can be checked equal.
 */
export const VIEW = { causes: ["no_resource_access", "invalid_expired_revoked"], location: "header" } as const;
export const API_QUERY = "rejected=true&cause=no_resource_access&cause=invalid_expired_revoked&location=header";

const FILTER = `c.rejected AND c.cause = ANY($1::"Cause"[]) AND c.credential_location = $2::"CredentialLocation"`;
const FILTER_PARAMS = [VIEW.causes, VIEW.location];

const PAGE_COLUMNS = `c.call_ref, c.time, c.status, c.method, c.uri, c.api, c.app, c.rejected, c.cause::text AS cause,
       c.credential_element::text AS credential_element, c.credential_label,
       c.credential_location::text AS credential_location, c.credential_name, c.interceptor, carried.preview`;
const CARRIED = `LEFT JOIN LATERAL (
         SELECT k.preview FROM carried_credentials k
          WHERE k.call_ref = c.call_ref AND k.fingerprint = c.credential_fingerprint LIMIT 1
       ) carried ON TRUE`;

export type Statement = { name: string; text: string; values: unknown[] };

export type PageRow = { call_ref: string; time: Date; preview: string | null } & Record<string, unknown>;

export function firstPageStatement(limit: number): Statement {
  return {
    name: "first page",
    text: `SELECT ${PAGE_COLUMNS}
  FROM calls c
  ${CARRIED}
 WHERE ${FILTER}
 ORDER BY c.time DESC, c.call_ref ASC
 LIMIT $3`,
    values: [...FILTER_PARAMS, limit],
  };
}

export const countStatement: Statement = {
  name: "count",
  text: `SELECT count(*)::int AS total FROM calls c WHERE ${FILTER}`,
  values: FILTER_PARAMS,
};

/**
 * The page after (time, call_ref), newest first. The index is (time DESC,
 * call_ref ASC): mixed directions, so a row comparison `(time, call_ref) <
 * (...)` cannot express "after" on it; `time <= $3` is the index bound that
 * lets the scan start at the position, the OR settles ties on the same time.
 * The benchmark's data has no calls without a time (the explorer's cursor
 * handles those too; this page does not need to).
 */
export function keysetPageStatement(after: { time: string; callRef: string }, limit: number): Statement {
  return {
    name: "keyset page",
    text: `SELECT ${PAGE_COLUMNS}
  FROM calls c
  ${CARRIED}
 WHERE ${FILTER}
   AND c.time <= $3::timestamptz AND (c.time < $3::timestamptz OR c.call_ref > $4)
 ORDER BY c.time DESC, c.call_ref ASC
 LIMIT $5`,
    values: [...FILTER_PARAMS, after.time, after.callRef, limit],
  };
}

/** The row at a 0-based position of the result, to check the API's cursor against. */
export function positionStatement(offset: number): Statement {
  return {
    name: "position",
    text: `SELECT c.time, c.call_ref FROM calls c WHERE ${FILTER} ORDER BY c.time DESC, c.call_ref ASC OFFSET $3 LIMIT 1`,
    values: [...FILTER_PARAMS, offset],
  };
}

/** A page and the exact total, on two connections at once (as the explorer does). */
export async function pageAndCount(pool: pg.Pool, page: Statement): Promise<{ rows: PageRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    pool.query<PageRow>(page.text, page.values),
    pool.query<{ total: number }>(countStatement.text, countStatement.values),
  ]);
  return { rows: rows.rows, total: count.rows[0]?.total ?? 0 };
}

// Each facet counts under every filter but its own: the cause facet ignores
// the cause filter, the location facet the location filter.
const FACETS: Array<{ field: keyof Facets; value: string; group: string; filter: "all" | "no cause" | "no location" }> = [
  { field: "cause", value: "c.cause::text", group: "c.cause", filter: "no cause" },
  { field: "status", value: "c.status::text", group: "c.status", filter: "all" },
  { field: "element", value: "c.credential_element::text", group: "c.credential_element", filter: "all" },
  { field: "location", value: "c.credential_location::text", group: "c.credential_location", filter: "no location" },
  { field: "name", value: "c.credential_name", group: "c.credential_name", filter: "all" },
  { field: "api", value: "c.api", group: "c.api", filter: "all" },
  { field: "app", value: "c.app", group: "c.app", filter: "all" },
  { field: "method", value: "c.method", group: "c.method", filter: "all" },
  { field: "interceptor", value: "c.interceptor", group: "c.interceptor", filter: "all" },
];

// The causes in the rules table's order, as the explorer lists them (all of them: there are fewer than 12); every other facet by count.
const CAUSE_ORDER_SQL = `array_position(ARRAY[${CAUSE_ORDER.map((cause) => `'${cause}'`).join(", ")}], c.cause::text) NULLS LAST`;

export const facetStatements: Statement[] = FACETS.map(({ field, value, group, filter }) => {
  const where =
    filter === "all"
      ? { text: FILTER, values: FILTER_PARAMS }
      : filter === "no cause"
        ? { text: `c.rejected AND c.credential_location = $1::"CredentialLocation"`, values: [VIEW.location] }
        : { text: `c.rejected AND c.cause = ANY($1::"Cause"[])`, values: [VIEW.causes] };
  const order = field === "cause" ? CAUSE_ORDER_SQL : "2 DESC, 1 ASC NULLS LAST";
  return {
    name: `facet ${field}`,
    text: `SELECT ${value} AS value, count(*)::int AS count, count(*) OVER ()::int AS value_count FROM calls c WHERE ${where.text}
 GROUP BY ${group} ORDER BY ${order} LIMIT 12`,
    values: where.values,
  };
});

/** The nine GROUP BY queries at once, on as many connections. */
export async function facets(pool: pg.Pool): Promise<Facets> {
  const results = await Promise.all(facetStatements.map((statement) => pool.query<FacetValue & { value_count: number }>(statement.text, statement.values)));
  return Object.fromEntries(
    FACETS.map(({ field }, index) => {
      const rows = results[index]?.rows ?? [];
      return [field, { values: rows.map(({ value, count }) => ({ value, count })), valueCount: rows[0]?.value_count ?? 0 }];
    }),
  ) as Facets;
}

export const spanStatement: Statement = {
  name: "histogram span",
  text: `SELECT min(c.time) AS first, max(c.time) AS last FROM calls c WHERE ${FILTER}`,
  values: FILTER_PARAMS,
};

export function histogramStatement(bucketSeconds: number): Statement {
  return {
    name: "histogram buckets",
    text: `SELECT date_bin(make_interval(secs => $3), c.time, timestamptz 'epoch') AS start, c.cause::text AS cause, count(*)::int AS count
  FROM calls c
 WHERE ${FILTER} AND c.time IS NOT NULL
 GROUP BY 1, c.cause
 ORDER BY 1`,
    values: [...FILTER_PARAMS, bucketSeconds],
  };
}

// The explorer's bar widths: the first giving at most 80 bars.
const WIDTHS = [1, 10, 60, 5 * 60, 15 * 60, 3600, 3 * 3600, 6 * 3600, 86_400, 7 * 86_400];

/** The span, a bar width from it, then one GROUP BY over (bar, cause). */
export async function histogram(pool: pg.Pool): Promise<Histogram> {
  const span = (await pool.query<{ first: Date | null; last: Date | null }>(spanStatement.text, spanStatement.values)).rows[0];
  if (!span?.first || !span.last) return { bucketSeconds: 60, buckets: [] };
  const seconds = (span.last.getTime() - span.first.getTime()) / 1000;
  const bucketSeconds = WIDTHS.find((width) => seconds / width <= 80) ?? 7 * 86_400;
  const statement = histogramStatement(bucketSeconds);
  const { rows } = await pool.query<{ start: Date; cause: string; count: number }>(statement.text, statement.values);
  const buckets = new Map<string, Histogram["buckets"][number]>();
  for (const row of rows) {
    const start = row.start.toISOString();
    const bucket = buckets.get(start) ?? { start, counts: {}, notRejected: 0 };
    bucket.counts[row.cause as keyof typeof bucket.counts] = row.count;
    buckets.set(start, bucket);
  }
  return { bucketSeconds, buckets: [...buckets.values()] };
}
