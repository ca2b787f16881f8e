import type { Database } from "../database";
import { readCredentialSummaries, type CredentialSummary } from "./credential-summaries";
import type { CallFilters } from "./filters";
import { FACET_COLUMNS, whereClause } from "./where-clause";

/**
 * A refused credential, how often, and over what time its rejections in the
 * view were spread (ISO 8601; null when none has a time). `names`: how many
 * names the gateway refused it under (one value sent as `access_token` and
 * as `client_id` is one credential, refused under two names).
 */
export type FailingCredential = { fingerprint: string; credential: CredentialSummary | null; rejections: number; names: number; first: string | null; last: string | null };

/**
 * The credentials the gateway refused most often under the current filters,
 * counted as `refused=<fingerprint>` counts them, so a bar and the view it
 * links to agree. Only rejections name a refused credential.
 */
export async function readTopFailingCredentials(db: Database, filters: CallFilters, now = new Date(), limit = 8): Promise<FailingCredential[]> {
  const rows = await db.$queryRaw<Array<{ fingerprint: string; rejections: number; names: number; first: Date | null; last: Date | null }>>`
    SELECT c.credential_fingerprint AS fingerprint, count(*)::int AS rejections, count(DISTINCT ${FACET_COLUMNS.name.text})::int AS names,
           min(c.time) AS first, max(c.time) AS last
      FROM calls c
     WHERE ${whereClause(filters, now)} AND c.credential_fingerprint IS NOT NULL
     GROUP BY c.credential_fingerprint
     ORDER BY rejections DESC, fingerprint
     LIMIT ${limit}`;
  const credentials = await readCredentialSummaries(db, rows.map((row) => row.fingerprint));
  return rows.map(({ fingerprint, rejections, names, first, last }) => ({
    fingerprint,
    rejections,
    names,
    first: first?.toISOString() ?? null,
    last: last?.toISOString() ?? null,
    credential: credentials[fingerprint] ?? null,
  }));
}
