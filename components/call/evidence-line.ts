import type { EvidenceView } from "@/lib/explorer";

/**
 * Whether a line (of the trace, or another piece of evidence) is this
 * evidence line: the same line of the same file; a line without a number (a
 * JSON document's event) is told by its text too. The one rule for the
 * trace's marks and for the verdict's "Response" block (shown only when it
 * is not the decisive line already).
 */
export function isEvidenceLine(line: Pick<EvidenceView, "file" | "line" | "text"> | null, evidence: EvidenceView | null): boolean {
  return line !== null && evidence !== null && line.file === evidence.file && line.line === evidence.line && (line.line !== null || line.text === evidence.text);
}
