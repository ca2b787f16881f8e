import { Prisma } from "../database";
import { FACET_FIELDS, viewStart, type FacetField } from "./filters";
import { searchCondition, type SearchedFilters } from "./search";
import { RESPONSE_BODY_KEY } from "./response-body-key";

/**
 * Filters to SQL over `calls c`, through an allowlist: every value is a bound
 * parameter, every column a fixed fragment.
 */
export function whereClause(filters: SearchedFilters, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const add = (condition: Prisma.Sql | null) => condition && conditions.push(condition);
  if (filters.rejected !== undefined) add(Prisma.sql`c.rejected = ${filters.rejected}`);
  for (const field of FACET_FIELDS) {
    // Within a field, its values and "no value" are alternatives; what is filtered out never matches.
    add(matching(field, filters[field]?.map(String), filters.missing?.includes(field) ?? false));
    const excluded = matching(field, filters[`not_${field}`]?.map(String), filters.not_missing?.includes(field) ?? false);
    if (excluded) add(Prisma.sql`(${excluded}) IS NOT TRUE`);
  }
  if (filters.upload?.length) {
    add(Prisma.sql`EXISTS (SELECT 1 FROM trace_segments s JOIN upload_files f ON f.id = s.file_id
                            WHERE s.call_ref = c.call_ref AND f.upload_id = ANY(${filters.upload}::uuid[]))`);
  }
  if (filters.fingerprint?.length) {
    add(Prisma.sql`EXISTS (SELECT 1 FROM carried_credentials k WHERE k.call_ref = c.call_ref AND k.fingerprint = ANY(${filters.fingerprint}::text[]))`);
  }
  if (filters.refused?.length) {
    // A call refuses only a credential it carried: the fingerprint's index on
    // carried_credentials finds those few calls, where credential_fingerprint
    // (no index) would be read for every call: 3 ms against 430 ms for a
    // credential refused twice among 1M calls.
    add(Prisma.sql`c.call_ref IN (SELECT k.call_ref FROM carried_credentials k WHERE k.fingerprint = ANY(${filters.refused}::text[]))
                   AND c.credential_fingerprint = ANY(${filters.refused}::text[])`);
  }
  if (filters.body?.length) add(Prisma.sql`${RESPONSE_BODY_KEY} = ANY(${filters.body}::text[])`);
  const from = viewStart(filters, now);
  if (from) add(Prisma.sql`c.time >= ${from}`);
  if (filters.to) add(Prisma.sql`c.time < ${filters.to}`);
  add(searchCondition(filters));
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, " AND ");
}

/**
 * The column behind each facet field: as text for what a facet shows, and in
 * its own type (enum, integer) for matching, since a cast to text would hide
 * the column's statistics from the planner, which then misjudges how many
 * rows match and passes over the time index.
 *
 * A header's name in any case is one header (spec 4.1, as in HTTP): gateway
 * versions write `HEADER ACCESS_TOKEN` for a header sent as `access_token`.
 * So it is counted, and filtered, in lower case; a query parameter's or a
 * cookie's name keeps its case, which tells them apart.
 */
export const FACET_COLUMNS: Record<FacetField, FacetColumn> = {
  cause: typedColumn("c.cause", `"Cause"[]`),
  status: typedColumn("c.status", "int[]"),
  element: typedColumn("c.credential_element", `"CredentialElement"[]`),
  location: typedColumn("c.credential_location", `"CredentialLocation"[]`),
  name: {
    ...textColumn(`CASE WHEN c.credential_location = 'header' THEN lower(c.credential_name) ELSE c.credential_name END`),
    equalsAny: (values) => Prisma.sql`CASE WHEN c.credential_location = 'header'
      THEN lower(c.credential_name) = ANY(${values.map((value) => value.toLowerCase())}::text[])
      ELSE c.credential_name = ANY(${values}::text[]) END`,
  },
  api: textColumn("c.api"),
  app: textColumn("c.app"),
  agent: textColumn("c.user_agent"),
  method: textColumn("c.method"),
  interceptor: textColumn("c.interceptor"),
};

/** `equalsAny`: where the column is one of a filter's values, when a plain `= ANY` would not say it. */
type FacetColumn = { column: Prisma.Sql; text: Prisma.Sql; arrayType: Prisma.Sql; equalsAny?: (values: readonly string[]) => Prisma.Sql };

// Fixed fragments from this file only: never a value from a request.
function typedColumn(column: string, arrayType: string): FacetColumn {
  return { column: Prisma.raw(column), text: Prisma.raw(`${column}::text`), arrayType: Prisma.raw(arrayType) };
}

function textColumn(column: string): FacetColumn {
  return { column: Prisma.raw(column), text: Prisma.raw(column), arrayType: Prisma.raw("text[]") };
}

/** The field has one of the values, or no value when `missing`; null when that asks for nothing. */
function matching(field: FacetField, values: readonly string[] | undefined, missing: boolean): Prisma.Sql | null {
  const { column, arrayType, equalsAny = (named) => Prisma.sql`${column} = ANY(${named}::${arrayType})` } = FACET_COLUMNS[field];
  const equal = values?.length ? equalsAny(values) : null;
  const none = missing ? Prisma.sql`${column} IS NULL` : null;
  return equal && none ? Prisma.sql`(${equal} OR ${none})` : (equal ?? none);
}
