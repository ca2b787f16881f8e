/** Where else a trace line was read: another file that held the same line. */
export type LineCopy = { file: string; line: number | null };

/** A trace line as stored: one per file that held it, its file told by id (two uploads may each have a "gateway.log"). */
export type StoredTraceLine = { fileId: string; file: string; line: number | null; time: string | null; level: string | null; text: string };

export type MergedTraceLine = Omit<StoredTraceLine, "fileId"> & { alsoIn: LineCopy[] };

/**
 * The call's trace with each line once: files that overlap (rotated logs cut
 * with overlap, a file exported again) each hold the same lines, which would
 * otherwise be listed once per file. A line is the same when its time, level
 * and text are; the first in trace order stays, with its file and number, and
 * names the other files that held it. A line repeated within one file is a
 * line of its own and stays, so only one copy per other file is folded into it.
 */
export function mergeOverlappingLines(trace: readonly StoredTraceLine[]): MergedTraceLine[] {
  const kept = new Map<string, Array<{ fileIds: Set<string>; merged: MergedTraceLine }>>();
  const merged: MergedTraceLine[] = [];
  for (const { fileId, ...line } of trace) {
    const key = JSON.stringify([line.time, line.level, line.text]);
    const same = kept.get(key) ?? [];
    const original = same.find(({ fileIds }) => !fileIds.has(fileId));
    if (original) {
      original.fileIds.add(fileId);
      original.merged.alsoIn.push({ file: line.file, line: line.line });
      continue;
    }
    const view = { ...line, alsoIn: [] };
    kept.set(key, [...same, { fileIds: new Set([fileId]), merged: view }]);
    merged.push(view);
  }
  return merged;
}
