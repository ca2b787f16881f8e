import type { Cause } from "../rules";

export type RejectionsByCause = Partial<Record<Cause, number>>;

/**
 * What an upload did to the calls it touched, counted as its batches are
 * settled: a query over all of the upload's segments at the end took 3 s of
 * a 200 MB upload, with nothing else going on.
 */
export class TouchedCalls {
  added = 0;
  updated = 0;
  private readonly rejections = new Map<Cause, number>();

  /** A call this upload had not touched yet: new, unless another upload knew it. */
  firstTouch(knownElsewhere: boolean, cause: Cause | null): void {
    if (knownElsewhere) this.updated++;
    else this.added++;
    this.count(cause, 1);
  }

  /** A call this upload touches again (a later batch or file): its cause may have changed. */
  touchAgain(before: Cause | null, after: Cause | null): void {
    this.count(before, -1);
    this.count(after, 1);
  }

  /** Adds what another count (one file's) found. */
  add(other: TouchedCalls): void {
    this.added += other.added;
    this.updated += other.updated;
    for (const [cause, count] of other.rejections) this.count(cause, count);
  }

  rejectionsByCause(): RejectionsByCause {
    return Object.fromEntries([...this.rejections].filter(([, count]) => count !== 0));
  }

  private count(cause: Cause | null, change: number): void {
    if (cause !== null) this.rejections.set(cause, (this.rejections.get(cause) ?? 0) + change);
  }
}
