/** The earliest and the latest of the times it was shown (epoch milliseconds); null before it was shown any. */
export class TimeSpan {
  first: number | null = null;
  last: number | null = null;

  add(time: number | null): void {
    if (time === null) return;
    if (this.first === null || time < this.first) this.first = time;
    if (this.last === null || time > this.last) this.last = time;
  }

  addSpan(other: TimeSpan): void {
    this.add(other.first);
    this.add(other.last);
  }
}

/** A time as a read trace has it (epoch milliseconds, or none) as PostgreSQL is given it. */
export const dateOf = (epochMs: number | null): Date | null => (epochMs === null ? null : new Date(epochMs));
