import { maskCredential } from "../credentials";
import type { Database } from "../database";
import { readCredentialHistory } from "./credential-history";
import { readCredentialSummaries } from "./credential-summaries";
import type { CredentialLookup } from "./credential-lookup-answer";

/**
 * Looks a raw credential up by its keyed fingerprint, the one form in which
 * the store keeps it (spec section 5): the value is hashed in memory here and
 * goes no further, neither stored nor logged. It answers no more than a view
 * of the dashboard already shows to whoever can open it.
 */
export async function lookUpCredential(db: Database, fingerprintKey: Buffer, value: string): Promise<CredentialLookup> {
  const { fingerprint, preview } = maskCredential(value, fingerprintKey);
  const [counts] = await db.$queryRaw<Array<{ carried_by: number; refused_in: number }>>`
    SELECT count(DISTINCT k.call_ref)::int AS carried_by,
           count(DISTINCT k.call_ref) FILTER (WHERE c.credential_fingerprint = ${fingerprint})::int AS refused_in
      FROM carried_credentials k JOIN calls c ON c.call_ref = k.call_ref
     WHERE k.fingerprint = ${fingerprint}`;
  const carriedBy = counts?.carried_by ?? 0;
  const [credentials, history] = await Promise.all([readCredentialSummaries(db, [fingerprint]), carriedBy === 0 ? null : readCredentialHistory(db, fingerprint)]);
  return { fingerprint, preview, credential: credentials[fingerprint] ?? null, carriedBy, refusedIn: counts?.refused_in ?? 0, history };
}
