import type { Database } from "../database";
import type { CallFilters } from "./filters";
import { whereClause } from "./where-clause";

export type FailingCredential = { fingerprint: string; name: string | null; location: string | null; preview: string | null; rejections: number };

/** The credentials (by fingerprint) behind the most rejections under the current filters. */
export async function readTopFailingCredentials(db: Database, filters: CallFilters, now = new Date(), limit = 8): Promise<FailingCredential[]> {
  const where = whereClause({ ...filters, rejected: true }, now);
  return db.$queryRaw<FailingCredential[]>`
    SELECT c.credential_fingerprint AS fingerprint, min(c.credential_name) AS name,
           min(c.credential_location::text) AS location,
           (SELECT k.preview FROM carried_credentials k WHERE k.fingerprint = c.credential_fingerprint LIMIT 1) AS preview,
           count(*)::int AS rejections
      FROM calls c
     WHERE ${where} AND c.credential_fingerprint IS NOT NULL
     GROUP BY c.credential_fingerprint
     ORDER BY rejections DESC, fingerprint
     LIMIT ${limit}`;
}
