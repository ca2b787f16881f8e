import { Prisma } from "../database";
import { RELATIVE_RANGES, type CallFilters } from "./filters";

/**
 * Filters to SQL over `calls c`, through an allowlist: every value is a bound
 * parameter, every column a fixed fragment.
 */
export function whereClause(filters: CallFilters, now: Date): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  const add = (condition: Prisma.Sql | null) => condition && conditions.push(condition);
  if (filters.rejected !== undefined) add(Prisma.sql`c.rejected = ${filters.rejected}`);
  add(anyOf(Prisma.sql`c.cause::text`, filters.cause));
  add(statusCondition(filters.status));
  add(anyOf(Prisma.sql`c.credential_element::text`, filters.element));
  add(anyOf(Prisma.sql`c.credential_location::text`, filters.location));
  add(anyOf(Prisma.sql`c.credential_name`, filters.name));
  add(anyOf(Prisma.sql`c.api`, filters.api));
  add(anyOf(Prisma.sql`c.app`, filters.app));
  add(anyOf(Prisma.sql`c.method`, filters.method));
  add(anyOf(Prisma.sql`c.interceptor`, filters.interceptor));
  if (filters.upload?.length) {
    add(Prisma.sql`EXISTS (SELECT 1 FROM call_contributions u WHERE u.call_ref = c.call_ref AND u.upload_id = ANY(${filters.upload}::uuid[]))`);
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

function anyOf(column: Prisma.Sql, values: readonly string[] | undefined): Prisma.Sql | null {
  return values?.length ? Prisma.sql`${column} = ANY(${values}::text[])` : null;
}

function statusCondition(values: CallFilters["status"]): Prisma.Sql | null {
  if (!values?.length) return null;
  const codes = values.filter((value): value is number => value !== "none");
  const parts = [];
  if (codes.length) parts.push(Prisma.sql`c.status = ANY(${codes}::int[])`);
  if (values.includes("none")) parts.push(Prisma.sql`c.status IS NULL`);
  return Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/** Text in the URI, the response body or any trace line of the call. */
function textSearch(q: string): Prisma.Sql {
  const pattern = `%${q.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return Prisma.sql`(c.uri ILIKE ${pattern} OR c.response_body ILIKE ${pattern}
    OR EXISTS (SELECT 1 FROM trace_lines t WHERE t.call_ref = c.call_ref AND t.text ILIKE ${pattern}))`;
}
