import type { Place } from "./facts";

/**
 * Trace order across files: by time (untimed lines first), then by position
 * within a file, so lines of one millisecond keep their order. A total order,
 * so that sorting gives one answer whatever order the lines came in.
 */
export function compareTraceOrder(a: Place, b: Place): number {
  if (a.time !== b.time) return (a.time ?? -Infinity) - (b.time ?? -Infinity);
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.seq - b.seq;
}

/** The same line read twice (the same file given again): file, position and time all agree. */
export const samePlace = (a: Place, b: Place) => a.file === b.file && a.seq === b.seq && a.time === b.time;

/** How calls are listed: by call time (calls without one last), then by call reference. */
export function compareCalls(a: { time: number | null; callRef: string }, b: { time: number | null; callRef: string }): number {
  if (a.time !== b.time) {
    if (a.time === null) return 1;
    if (b.time === null) return -1;
    return a.time - b.time;
  }
  return a.callRef < b.callRef ? -1 : a.callRef > b.callRef ? 1 : 0;
}
