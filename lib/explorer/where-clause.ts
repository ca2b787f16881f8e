import { Prisma } from "../database";
import { EXCLUDABLE, RELATIVE_RANGES, type CallFilters, type Excludable } from "./filters";

/**
 * Filters to SQL over `calls c`, through an allowlist: every value is a bound
 * parameter, every column a fixed fragment.
 */
export function whereClause(filters: CallFilters, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const add = (condition: Prisma.Sql | null) => condition && conditions.push(condition);
  if (filters.rejected !== undefined) add(Prisma.sql`c.rejected = ${filters.rejected}`);
  for (const field of EXCLUDABLE) {
    add(matching(field, filters[field]?.map(String)));
    const excluded = filters[`not_${field}`]?.map(String);
    if (excluded?.length) add(Prisma.sql`(${matching(field, excluded)}) IS NOT TRUE`);
  }
  if (filters.upload?.length) {
    add(Prisma.sql`EXISTS (SELECT 1 FROM trace_segments s JOIN upload_files f ON f.id = s.file_id
                            WHERE s.call_ref = c.call_ref AND f.upload_id = ANY(${filters.upload}::uuid[]))`);
  }
  if (filters.fingerprint?.length) {
    add(Prisma.sql`EXISTS (SELECT 1 FROM carried_credentials k WHERE k.call_ref = c.call_ref AND k.fingerprint = ANY(${filters.fingerprint}::text[]))`);
  }
  const from = filters.from ?? (filters.range ? new Date(now.getTime() - RELATIVE_RANGES[filters.range]) : undefined);
  if (from) add(Prisma.sql`c.time >= ${from}`);
  if (filters.to) add(Prisma.sql`c.time < ${filters.to}`);
  if (filters.q) add(textSearch(filters.q));
  return conditions.length === 0 ? Prisma.sql`TRUE` : Prisma.join(conditions, " AND ");
}

/** The column behind each facet field, as text (what a facet shows). */
export const FILTER_COLUMNS: Record<Excludable, Prisma.Sql> = {
  cause: Prisma.sql`c.cause::text`,
  status: Prisma.sql`c.status::text`,
  element: Prisma.sql`c.credential_element::text`,
  location: Prisma.sql`c.credential_location::text`,
  name: Prisma.sql`c.credential_name`,
  api: Prisma.sql`c.api`,
  app: Prisma.sql`c.app`,
  method: Prisma.sql`c.method`,
  interceptor: Prisma.sql`c.interceptor`,
};

/**
 * Each column compared in its own type (enum, integer): a cast to text would
 * hide the column's statistics from the planner, which then misjudges how
 * many rows match and passes over the time index.
 */
const MATCH_AS: Record<Excludable, { column: Prisma.Sql; arrayType: Prisma.Sql }> = {
  cause: { column: Prisma.sql`c.cause`, arrayType: Prisma.sql`"Cause"[]` },
  status: { column: Prisma.sql`c.status`, arrayType: Prisma.sql`int[]` },
  element: { column: Prisma.sql`c.credential_element`, arrayType: Prisma.sql`"CredentialElement"[]` },
  location: { column: Prisma.sql`c.credential_location`, arrayType: Prisma.sql`"CredentialLocation"[]` },
  name: { column: Prisma.sql`c.credential_name`, arrayType: Prisma.sql`text[]` },
  api: { column: Prisma.sql`c.api`, arrayType: Prisma.sql`text[]` },
  app: { column: Prisma.sql`c.app`, arrayType: Prisma.sql`text[]` },
  method: { column: Prisma.sql`c.method`, arrayType: Prisma.sql`text[]` },
  interceptor: { column: Prisma.sql`c.interceptor`, arrayType: Prisma.sql`text[]` },
};

/** The field has one of the values; status "none" means no response was logged. */
function matching(field: Excludable, values: readonly string[] | undefined): Prisma.Sql | null {
  if (!values?.length) return null;
  const { column, arrayType } = MATCH_AS[field];
  const known = field === "status" ? values.filter((value) => value !== "none") : values;
  const equal = known.length > 0 ? Prisma.sql`${column} = ANY(${known}::${arrayType})` : Prisma.sql`FALSE`;
  return known.length < values.length ? Prisma.sql`(${equal} OR ${column} IS NULL)` : equal;
}

/** Text in the URI, the response body or any trace line of the call. */
function textSearch(q: string): Prisma.Sql {
  const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return Prisma.sql`(c.uri ILIKE ${pattern} OR c.response_body ILIKE ${pattern}
    OR EXISTS (SELECT 1 FROM trace_segments s, unnest(s.texts) AS t(text) WHERE s.call_ref = c.call_ref AND t.text ILIKE ${pattern}))`;
}
