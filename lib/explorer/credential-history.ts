import type { Database } from "../database";
import type { CallsOverTime, CredentialHistory, CredentialStory } from "./credential-lookup-answer";

const NONE: CallsOverTime = { calls: 0, first: null, last: null, apis: [] };

/** How many APIs a kind of calls names: enough to tell "refused by Payments, accepted by Orders". */
const NAMED_APIS = 5;

/**
 * How the gateway treated a credential in every stored call that carried it:
 * the calls that passed with it, and the rejections that refused it (a call
 * rejected for another credential says nothing of this one), and the story
 * they tell (credentialHistoryAnswer says what each means). Read through the
 * fingerprint's index on carried_credentials.
 */
export async function readCredentialHistory(db: Database, fingerprint: string): Promise<CredentialHistory> {
  const rows = await db.$queryRaw<Array<{ refused: boolean; calls: number; first: Date | null; last: Date | null; apis: string[] | null }>>`
    SELECT c.rejected AS refused, count(*)::int AS calls, min(c.time) AS first, max(c.time) AS last,
           (array_agg(DISTINCT c.api ORDER BY c.api) FILTER (WHERE c.api IS NOT NULL))[1:${NAMED_APIS}] AS apis
      FROM calls c
     WHERE c.call_ref IN (SELECT k.call_ref FROM carried_credentials k WHERE k.fingerprint = ${fingerprint})
       AND (NOT c.rejected OR c.credential_fingerprint = ${fingerprint})
     GROUP BY c.rejected`;
  const kind = (refused: boolean): CallsOverTime => {
    const row = rows.find((candidate) => candidate.refused === refused);
    return row ? { calls: row.calls, first: row.first?.toISOString() ?? null, last: row.last?.toISOString() ?? null, apis: row.apis ?? [] } : NONE;
  };
  const [accepted, refused] = [kind(false), kind(true)];
  return { accepted, refused, story: storyOf(accepted, refused) };
}

function storyOf(accepted: CallsOverTime, refused: CallsOverTime): CredentialStory {
  if (accepted.calls === 0) return "never_accepted";
  if (refused.calls === 0) return "never_refused";
  // ISO 8601 in UTC compares as text. Without times, the order says nothing.
  if (accepted.last !== null && refused.first !== null && accepted.last < refused.first) return "stopped_working";
  if (refused.last !== null && accepted.first !== null && refused.last < accepted.first) return "started_working";
  return "mixed";
}
