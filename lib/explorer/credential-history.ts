import type { Database } from "../database";

/** Calls of one kind and when they came (ISO 8601; null when none has a time). */
export type CallsOverTime = { calls: number; first: string | null; last: string | null };

/**
 * What the stored calls say of one credential over time, read beside a
 * rejection that refused it:
 * - `stopped_working`: accepted, then refused from some moment on (an expired or revoked token);
 * - `started_working`: refused, then accepted (fixed: access granted, or sent clean);
 * - `mixed`: accepted and refused in the same period (by some APIs or resources, not others);
 * - `never_accepted`: no stored call had it accepted (a wrong token, one from another environment).
 */
export type CredentialStory = "stopped_working" | "started_working" | "mixed" | "never_accepted";

export type CredentialHistory = { accepted: CallsOverTime; refused: CallsOverTime; story: CredentialStory };

const NONE: CallsOverTime = { calls: 0, first: null, last: null };

/**
 * How the gateway treated a credential in every stored call that carried it:
 * the calls that passed with it, and the rejections that refused it (a call
 * rejected for another credential says nothing of this one). Read through
 * the fingerprint's index on carried_credentials.
 */
export async function readCredentialHistory(db: Database, fingerprint: string): Promise<CredentialHistory> {
  const rows = await db.$queryRaw<Array<{ refused: boolean; calls: number; first: Date | null; last: Date | null }>>`
    SELECT c.rejected AS refused, count(*)::int AS calls, min(c.time) AS first, max(c.time) AS last
      FROM calls c
     WHERE c.call_ref IN (SELECT k.call_ref FROM carried_credentials k WHERE k.fingerprint = ${fingerprint})
       AND (NOT c.rejected OR c.credential_fingerprint = ${fingerprint})
     GROUP BY c.rejected`;
  const kind = (refused: boolean): CallsOverTime => {
    const row = rows.find((candidate) => candidate.refused === refused);
    return row ? { calls: row.calls, first: row.first?.toISOString() ?? null, last: row.last?.toISOString() ?? null } : NONE;
  };
  const [accepted, refused] = [kind(false), kind(true)];
  return { accepted, refused, story: storyOf(accepted, refused) };
}

function storyOf(accepted: CallsOverTime, refused: CallsOverTime): CredentialStory {
  if (accepted.calls === 0) return "never_accepted";
  // ISO 8601 in UTC compares as text. Without times, the order says nothing.
  if (accepted.last !== null && refused.first !== null && accepted.last < refused.first) return "stopped_working";
  if (refused.last !== null && accepted.first !== null && refused.last < accepted.first) return "started_working";
  return "mixed";
}
