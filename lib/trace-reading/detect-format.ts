import type { TraceFormat } from "./events";
import { fieldOf, isRecord, RECORD_ARRAYS } from "./json/fields";
import { MAX_LINE_BYTES } from "./line-splitter";
import { TEXT_LINE } from "./text/line-pattern";

export type Detection = TraceFormat | "empty" | "need_more";

/**
 * The format, from the first bytes of decompressed content (never the file
 * name). A first line that is a text trace line (`[2026-11-20 ...] ...` too)
 * means text; otherwise `[` opens a JSON document, and `{` opens JSON Lines
 * when its first line is a whole record, a JSON document when it is not.
 */
export function detectFormat(head: Buffer, ended: boolean): Detection {
  if (!ended && mayBeCutBom(head)) return "need_more";
  const first = firstSignificantByte(head);
  if (first < 0) return ended ? "empty" : "need_more";
  const c = head[first];
  if (c !== 0x5b && c !== 0x7b) return "text";
  const newline = head.indexOf(0x0a, first);
  if (newline < 0 && !ended && head.length <= MAX_LINE_BYTES) return "need_more";
  const firstLine = head.toString("utf8", first, newline < 0 ? head.length : newline);
  if (TEXT_LINE.test(firstLine)) return "text";
  if (c === 0x5b) return "json_document";
  return isOneLineRecord(firstLine) ? "json_lines" : "json_document";
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The first chunk may end inside the BOM. */
const mayBeCutBom = (head: Buffer) => head.length < BOM.length && BOM.subarray(0, head.length).equals(head);

/** Skips a BOM and blanks. */
function firstSignificantByte(head: Buffer): number {
  let i = head.subarray(0, BOM.length).equals(BOM) ? BOM.length : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0d || head[i] === 0x0a)) i++;
  return i < head.length ? i : -1;
}

/**
 * A whole document on one line (`{"calls": [...]}`) is a document, not one
 * record. A line naming its call (`callId`, ...) is a record even when one of
 * its unknown fields happens to be called `items` or `data`.
 */
function isOneLineRecord(line: string): boolean {
  try {
    const value = JSON.parse(line) as unknown;
    if (!isRecord(value)) return false;
    const entries = Object.entries(value);
    if (entries.some(([key]) => fieldOf(key) === "callRef")) return true;
    return !entries.some(([key, inner]) => RECORD_ARRAYS.has(key.toLowerCase()) && Array.isArray(inner));
  } catch {
    return false;
  }
}
