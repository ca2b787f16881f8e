import type { Database } from "../database";
import type { Cause } from "../rules";

/**
 * How the other rejections for a call's cause around it spread:
 * - `alone`: no other credential or app was refused for it then, so the
 *   fault is this one's;
 * - `burst`: many were, far more than in the hour before, so something they
 *   share (the gateway's token store, a key rotation, a client release) is
 *   the likelier fault;
 * - `steady`: others were, about as usual.
 */
export type Spread = "alone" | "burst" | "steady";

export type SameCauseAround = {
  cause: Cause;
  /** The window around the call, ISO 8601. */
  from: string;
  to: string;
  /** Rejections for the cause in the window, this call's included. */
  rejections: number;
  /** Distinct refused credentials (fingerprints) and apps among them. */
  credentials: number;
  apps: number;
  /**
   * Distinct callers among them: each known by its refused credential, else
   * its app, else counted on its own (a missing credential names neither).
   */
  callers: number;
  /**
   * Rejections for the cause in a window as long, on average over the hour
   * before it; null when no call at all is stored from that hour (the trace
   * starts later), which says nothing of what is usual.
   */
  usual: number | null;
  spread: Spread;
  /**
   * In a burst, the User-Agent that sent at least half of its rejections,
   * and how many: a client release is then the likeliest thing the callers
   * share. Null otherwise, and where the trace does not log the header.
   */
  commonAgent: { userAgent: string; rejections: number } | null;
};

/** Each side of the call: a burst of refusals lasts minutes, and the call may be its first or its last. */
const AROUND_MS = 5 * 60_000;
/** What "usual" is measured on: six windows before this one. */
const USUAL_WINDOWS = 6;
/**
 * A burst needs this many callers refused at once, this many times the usual
 * count: a busy gateway refuses a few expired tokens every minute, and one
 * client retrying its bad token makes many rejections from one caller.
 */
const BURST_CALLERS = 5;
const BURST_TIMES_USUAL = 4;

/**
 * The rejections for a rejected call's cause in the ten minutes around it,
 * against the hour before: the on-call engineer's first question, "is it
 * only this client?". Read through the calls' (cause, time) index.
 */
export async function readSameCauseAround(db: Database, cause: Cause, time: Date): Promise<SameCauseAround> {
  const from = new Date(time.getTime() - AROUND_MS);
  const to = new Date(time.getTime() + AROUND_MS);
  const usualFrom = new Date(from.getTime() - USUAL_WINDOWS * 2 * AROUND_MS);
  const [row] = await db.$queryRaw<Array<{ rejections: number; credentials: number; apps: number; callers: number; before: number; hourBeforeStored: boolean }>>`
    SELECT count(*) FILTER (WHERE time >= ${from})::int AS rejections,
           count(DISTINCT credential_fingerprint) FILTER (WHERE time >= ${from})::int AS credentials,
           count(DISTINCT app) FILTER (WHERE time >= ${from})::int AS apps,
           count(DISTINCT coalesce(credential_fingerprint, 'app ' || app, 'call ' || call_ref)) FILTER (WHERE time >= ${from})::int AS callers,
           count(*) FILTER (WHERE time < ${from})::int AS before,
           EXISTS (SELECT 1 FROM calls WHERE time >= ${usualFrom} AND time < ${from}) AS "hourBeforeStored"
      FROM calls
     WHERE cause = ${cause}::"Cause" AND time >= ${usualFrom} AND time <= ${to}`;
  const { rejections = 0, credentials = 0, apps = 0, callers = 0, before = 0, hourBeforeStored = false } = row ?? {};
  const usual = hourBeforeStored ? before / USUAL_WINDOWS : null;
  const spread = spreadOf(rejections, callers, usual);
  const commonAgent = spread === "burst" ? await readCommonAgent(db, cause, from, to, rejections) : null;
  return { cause, from: from.toISOString(), to: to.toISOString(), rejections, credentials, apps, callers, usual, spread, commonAgent };
}

async function readCommonAgent(db: Database, cause: Cause, from: Date, to: Date, rejections: number): Promise<SameCauseAround["commonAgent"]> {
  const [top] = await db.$queryRaw<Array<{ userAgent: string; rejections: number }>>`
    SELECT user_agent AS "userAgent", count(*)::int AS rejections
      FROM calls
     WHERE cause = ${cause}::"Cause" AND time >= ${from} AND time <= ${to} AND user_agent IS NOT NULL
     GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`;
  return top !== undefined && top.rejections * 2 >= rejections ? top : null;
}

function spreadOf(rejections: number, callers: number, usual: number | null): Spread {
  if (callers <= 1) return "alone";
  if (callers >= BURST_CALLERS && rejections >= BURST_TIMES_USUAL * Math.max(usual ?? 0, 1)) return "burst";
  return "steady";
}
