import type { UploadResult } from "../ingest";
import { causesFound } from "../ingest/upload-answer";
import { CAUSES } from "../rules";

/** The summary `tracelens ingest` prints: what was stored, what was skipped, why calls were rejected. */
export function formatUploadResult(result: UploadResult, database: string): string {
  const lines: string[] = [];
  const stored = result.files.length - result.duplicateFiles;
  lines.push(
    result.uploadId
      ? `Stored upload ${result.uploadId} in ${database}: ${stored} file${stored === 1 ? "" : "s"}`
      : `Nothing new was stored in ${database}: every file was already uploaded.`,
  );
  for (const file of result.files) {
    const what = file.duplicate ? "duplicate, skipped" : `${file.format}${file.gzip ? ", gzip" : ""}, ${file.lineCount.toLocaleString("en")} lines`;
    lines.push(`  ${file.name}  (${what})`);
  }
  lines.push(
    `Calls: ${result.callsAdded.toLocaleString("en")} added, ${result.callsUpdated.toLocaleString("en")} updated; ` +
      `gateway events: ${result.gatewayEvents.toLocaleString("en")}; duplicate files skipped: ${result.duplicateFiles}`,
  );
  const causes = causesFound(result.rejectionsByCause);
  if (causes.length > 0) {
    lines.push("Rejections by cause:");
    for (const cause of causes) lines.push(`  ${(result.rejectionsByCause[cause] ?? 0).toLocaleString("en").padStart(9)}  ${CAUSES[cause].title}`);
  }
  return `${lines.join("\n")}\n`;
}
