/**
 * Database writes that run while the reader goes on parsing, one at a time and
 * in order: they share the upload's one connection, and waiting for the last
 * one before starting the next bounds what is held in memory to two batches.
 */
export class WriteBehind {
  private last: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  /** Waits for the write in flight, then starts this one without waiting for it. */
  async start(write: () => Promise<void>): Promise<void> {
    await this.last;
    this.last = write();
    // Seen by `throwIfFailed`, `start` or `finished`, not reported as unhandled now.
    this.last.catch((error: unknown) => {
      this.failure = { error };
    });
  }

  /** Throws as soon as a write has failed: the reader stops instead of parsing for nothing. */
  throwIfFailed(): void {
    if (this.failure !== null) throw this.failure.error;
  }

  /** Waits for the write in flight; throws if it failed. */
  async finished(): Promise<void> {
    await this.last;
  }
}
