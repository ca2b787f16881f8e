/**
 * Database writes that run while the reader goes on parsing, one at a time and
 * in order: they share the upload's one connection, and waiting for the last
 * one before starting the next bounds what is held in memory to two batches.
 */
export class WriteBehind {
  private last: Promise<void> = Promise.resolve();

  /** Waits for the write in flight, then starts this one without waiting for it. */
  async start(write: () => Promise<void>): Promise<void> {
    await this.last;
    this.last = write();
    // Its failure is seen by whoever awaits it next (`start` or `finished`), not reported as unhandled now.
    this.last.catch(() => undefined);
  }

  /** Waits for the write in flight; throws if it failed. */
  async finished(): Promise<void> {
    await this.last;
  }
}
