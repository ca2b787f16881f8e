import type { CallEvent, GatewayEvent } from "./events";

export type HeldEvent = CallEvent | GatewayEvent;

/**
 * The last few events, kept back before they leave the reader (oldest first),
 * so that a value a call carries a few lines after a line that echoed it can
 * still be masked in that line.
 */
export class HeldEvents {
  private readonly ring: Array<HeldEvent | undefined>;
  /** A cheap digest of each held event's call reference: comparing long references one by one costs more than all else here. */
  private readonly digests: Int32Array;
  private start = 0;
  private count = 0;

  constructor(
    capacity: number,
    private readonly release: (event: HeldEvent) => void,
  ) {
    this.ring = new Array<HeldEvent | undefined>(capacity);
    this.digests = new Int32Array(capacity);
  }

  hold(event: HeldEvent): void {
    if (this.count === this.ring.length) this.releaseOldest();
    const slot = (this.start + this.count++) % this.ring.length;
    this.ring[slot] = event;
    this.digests[slot] = "callRef" in event ? digestOf(event.callRef) : 0;
  }

  /** Calls `visit` on each held event of one call (a plain loop: it runs for every value a call carries). */
  forEachOfCall(callRef: string, visit: (event: CallEvent) => void): void {
    const { ring, digests } = this;
    const digest = digestOf(callRef);
    for (let i = 0; i < this.count; i++) {
      const slot = (this.start + i) % ring.length;
      if (digests[slot] !== digest) continue;
      const event = ring[slot] as HeldEvent;
      if ((event as Partial<CallEvent>).callRef === callRef) visit(event as CallEvent);
    }
  }

  releaseAll(): void {
    while (this.count > 0) this.releaseOldest();
  }

  private releaseOldest(): void {
    const event = this.ring[this.start];
    this.ring[this.start] = undefined;
    this.start = (this.start + 1) % this.ring.length;
    this.count--;
    if (event !== undefined) this.release(event);
  }
}

/** Length and a few characters from both ends: enough to tell apart the references of calls in flight together. */
function digestOf(callRef: string): number {
  const last = callRef.length - 1;
  if (last < 3) return callRef.length === 0 ? 1 : (Math.imul(callRef.length, 31) + callRef.charCodeAt(0) + callRef.charCodeAt(last) * 7) | 1;
  const ends = callRef.charCodeAt(0) + callRef.charCodeAt(1) * 3 + callRef.charCodeAt(last - 2) * 5 + callRef.charCodeAt(last - 1) * 7 + callRef.charCodeAt(last) * 11;
  return (Math.imul(callRef.length, 0x9e3779b1) ^ Math.imul(ends, 31) ^ callRef.charCodeAt(last >> 1)) | 1;
}
