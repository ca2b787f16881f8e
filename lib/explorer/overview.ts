import type { Database } from "../database";

/** Headline counts, and the time of the latest stored call (ISO 8601; null when none has a time). */
export type Overview = { calls: number; rejections: number; uploads: number; latestCall: string | null };

/** Headline counts for the explorer's header and its first-run state. */
export async function readOverview(db: Database): Promise<Overview> {
  const [calls, rejections, uploads, latest] = await Promise.all([
    db.call.count(),
    db.call.count({ where: { rejected: true } }),
    db.upload.count(),
    db.call.aggregate({ _max: { time: true } }),
  ]);
  return { calls, rejections, uploads, latestCall: latest._max.time?.toISOString() ?? null };
}
