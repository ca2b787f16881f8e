import { once } from "node:events";
import { finished } from "node:stream/promises";
import type pg from "pg";
import type { CopyStreamQuery } from "pg-copy-streams";
import { copyFromStdin, copyRow } from "./copy-buffer";

const CHUNK = 256 * 1024;

/**
 * One COPY kept open while a file is read: rows go out in 256 KB chunks as
 * they come, so PostgreSQL stores one part while the reader parses the next.
 * `drain()` (awaited between input chunks) is the only place that waits.
 */
export class CopyStream {
  private stream: CopyStreamQuery | null = null;
  private pending: string[] = [];
  private size = 0;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  push(values: readonly unknown[]): void {
    const row = copyRow(values);
    this.pending.push(row);
    this.size += row.length;
    if (this.size >= CHUNK) this.send();
  }

  /**
   * Waits while PostgreSQL is behind. Asks the stream rather than remembering
   * a refused write: its "drain" may already have fired while the reader
   * awaited its next chunk, and waiting for another would wait forever.
   */
  async drain(): Promise<void> {
    if (this.stream?.writableNeedDrain) await once(this.stream, "drain");
  }

  /** Sends what is left and waits until PostgreSQL has stored it all. */
  async end(): Promise<void> {
    this.send();
    if (!this.stream) return;
    const stream = this.stream;
    this.stream = null;
    stream.end();
    await finished(stream);
  }

  /** Abandons the COPY (PostgreSQL gets CopyFail), so the connection can roll back. */
  async abort(reason: Error): Promise<void> {
    const stream = this.stream;
    this.stream = null;
    this.pending = [];
    if (!stream) return;
    stream.destroy(reason);
    await finished(stream).catch(() => undefined);
  }

  private send(): void {
    if (this.pending.length === 0) return;
    this.stream ??= this.client.query(copyFromStdin(this.table, this.columns));
    this.stream.write(this.pending.join(""));
    this.pending = [];
    this.size = 0;
  }
}
