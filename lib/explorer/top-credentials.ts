import type { Database } from "../database";
import { readCredentialSummaries, type CredentialSummary } from "./credential-summaries";
import type { CallFilters } from "./filters";
import { whereClause } from "./where-clause";

export type FailingCredential = { fingerprint: string; credential: CredentialSummary | null; rejections: number };

/**
 * The credentials the gateway refused most often under the current filters,
 * counted as `refused=<fingerprint>` counts them, so a bar and the view it
 * links to agree. Only rejections name a refused credential.
 */
export async function readTopFailingCredentials(db: Database, filters: CallFilters, now = new Date(), limit = 8): Promise<FailingCredential[]> {
  const rows = await db.$queryRaw<Array<{ fingerprint: string; rejections: number }>>`
    SELECT c.credential_fingerprint AS fingerprint, count(*)::int AS rejections
      FROM calls c
     WHERE ${whereClause(filters, now)} AND c.credential_fingerprint IS NOT NULL
     GROUP BY c.credential_fingerprint
     ORDER BY rejections DESC, fingerprint
     LIMIT ${limit}`;
  const credentials = await readCredentialSummaries(db, rows.map((row) => row.fingerprint));
  return rows.map((row) => ({ ...row, credential: credentials[row.fingerprint] ?? null }));
}
