import type { Database } from "../database";
import type { CallFilters } from "./filters";
import { eachCall, type CallListItem } from "./list-calls";

export type ExportFormat = "csv" | "ndjson";

const CSV_COLUMNS: Array<[string, (call: CallListItem) => unknown]> = [
  ["callId", (call) => call.callId],
  ["time", (call) => call.time],
  ["status", (call) => call.status],
  ["method", (call) => call.method],
  ["uri", (call) => call.uri],
  ["api", (call) => call.api],
  ["app", (call) => call.app],
  ["rejected", (call) => call.rejected],
  ["cause", (call) => call.cause],
  ["credentialElement", (call) => call.credential?.element],
  ["credentialLabel", (call) => call.credential?.label],
  ["credentialLocation", (call) => call.credential?.location],
  ["credentialName", (call) => call.credential?.name],
  ["credentialPreview", (call) => call.credential?.preview],
  ["interceptor", (call) => call.interceptor],
];

/**
 * A CSV cell. Spreadsheets run a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula: such cells get a leading apostrophe.
 */
function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Every call matching the filters (not one page), as CSV or NDJSON text chunks. */
export async function* exportCalls(db: Database, filters: CallFilters, format: ExportFormat): AsyncGenerator<string> {
  if (format === "csv") yield `${CSV_COLUMNS.map(([name]) => name).join(",")}\r\n`;
  let chunk = "";
  for await (const call of eachCall(db, filters)) {
    chunk += format === "csv" ? `${CSV_COLUMNS.map(([, pick]) => csvCell(pick(call))).join(",")}\r\n` : `${JSON.stringify(call)}\n`;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}
