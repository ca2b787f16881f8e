import type { Database } from "../database";

/** Headline counts. */
export type Overview = { calls: number; rejections: number; uploads: number };

/** Headline counts for the explorer's header and its first-run state. */
export async function readOverview(db: Database): Promise<Overview> {
  const [calls, rejections, uploads] = await Promise.all([db.call.count(), db.call.count({ where: { rejected: true } }), db.upload.count()]);
  return { calls, rejections, uploads };
}
