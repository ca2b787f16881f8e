import { z } from "zod";
import type { Database } from "../database";
import { InvalidFilterError, parseCallFilters, type CallFilters } from "./filters";
import { eachCall, type CallListItem } from "./list-calls";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson" } as const;
const exportFormat = z.enum(["csv", "ndjson"]);
export type ExportFormat = z.infer<typeof exportFormat>;

/** What `GET /api/export?format=...&<filters>` asks for: the explorer's filters, and a format. */
export type ExportRequest = { format: ExportFormat; filters: CallFilters; contentType: string; fileName: string };

/** Parses the export's URL parameters, or throws InvalidFilterError naming the bad one. */
export function parseExportRequest(params: URLSearchParams): ExportRequest {
  const filterParams = new URLSearchParams(params);
  filterParams.delete("format");
  const given = params.get("format") ?? "csv";
  const format = exportFormat.safeParse(given);
  if (!format.success) throw InvalidFilterError.refusedValue("format", given, `an export format; known: ${exportFormat.options.join(", ")}`);
  return { format: format.data, filters: parseCallFilters(filterParams), contentType: CONTENT_TYPES[format.data], fileName: `tracelens-calls.${format.data}` };
}

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
  // The byte order mark tells Excel the file is UTF-8: without it the "…" of every masked value shows as mojibake.
  if (format === "csv") yield `\uFEFF${CSV_COLUMNS.map(([name]) => name).join(",")}\r\n`;
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
