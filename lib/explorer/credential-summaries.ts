import type { Database } from "../database";

/** A credential as people recognise it: the name it was sent under and its masked preview (never the value; spec section 5). */
export type CredentialSummary = { name: string; preview: string };

/**
 * The credentials behind these fingerprints, by fingerprint; one that no
 * stored call carried is left out. The name is the one calls carried it
 * under most often (ties by name), so every page that names it says the same.
 */
export async function readCredentialSummaries(db: Database, fingerprints: readonly string[]): Promise<Record<string, CredentialSummary>> {
  if (fingerprints.length === 0) return {};
  const rows = await db.$queryRaw<Array<CredentialSummary & { fingerprint: string }>>`
    SELECT f.fingerprint, k.name, k.preview
      FROM unnest(${[...new Set(fingerprints)]}::text[]) AS f(fingerprint)
     CROSS JOIN LATERAL (
       SELECT k.name, k.preview FROM carried_credentials k WHERE k.fingerprint = f.fingerprint
        GROUP BY k.name, k.preview ORDER BY count(*) DESC, k.name LIMIT 1) k`;
  return Object.fromEntries(rows.map(({ fingerprint, name, preview }) => [fingerprint, { name, preview }]));
}
