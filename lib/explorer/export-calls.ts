import { z } from "zod";
import type { Database } from "../database";
import { parseCallFilters, type CallFilters } from "./filters";
import { InvalidFilterError } from "./url-parameters";
import { CAUSES, remedyFor } from "../rules";
import type { ColumnId } from "./fields";
import { eachPageOfCalls, type CallListItem } from "./list-calls";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson" } as const;
const exportFormat = z.enum(["csv", "ndjson"]);
export type ExportFormat = z.infer<typeof exportFormat>;

/** What `GET /api/export?format=...&<filters>` asks for: the explorer's filters, and a format. */
export type ExportRequest = { format: ExportFormat; filters: CallFilters; contentType: string; fileName: string };

/**
 * Parses the export's URL parameters, or throws InvalidFilterError naming the
 * bad one. The file is named for when it was made (`tracelens-calls-2026-11-20T1403Z.csv`):
 * exports of one investigation do not overwrite each other in a downloads folder.
 */
export function parseExportRequest(params: URLSearchParams, now = new Date()): ExportRequest {
  const filterParams = new URLSearchParams(params);
  filterParams.delete("format");
  const given = params.get("format") ?? "csv";
  const format = exportFormat.safeParse(given);
  if (!format.success) throw InvalidFilterError.refusedValue("format", given, `an export format; known: ${exportFormat.options.join(", ")}`);
  const made = now.toISOString().slice(0, 16).replace(":", "");
  return { format: format.data, filters: parseCallFilters(filterParams), contentType: CONTENT_TYPES[format.data], fileName: `tracelens-calls-${made}Z.${format.data}` };
}

/** What an exported call holds beyond the table's row: its cause in words, what to do, the decisive line, and the response's body (all an unexplained 401 has). */
export type ExportedCall = CallListItem & {
  responseBody: string | null;
  causeTitle: string | null;
  remedy: string | null;
  evidence: { file: string; line: number | null; text: string } | null;
};

/** The CSV's columns, each with the table column (`columns=`) it follows; null: always there. */
const CSV_COLUMNS: Array<[string, ColumnId | null, (call: ExportedCall) => unknown]> = [
  ["callId", null, (call) => call.callId],
  ["time", "time", (call) => call.time],
  ["status", "status", (call) => call.status],
  ["method", "method", (call) => call.method],
  ["uri", "uri", (call) => call.uri],
  ["api", "api", (call) => call.api],
  ["app", "app", (call) => call.app],
  ["userAgent", "agent", (call) => call.userAgent],
  ["rejected", null, (call) => call.rejected],
  ["cause", "cause", (call) => call.cause],
  ["causeTitle", "cause", (call) => call.causeTitle],
  ["remedy", "cause", (call) => call.remedy],
  ["evidenceFile", "cause", (call) => call.evidence?.file],
  ["evidenceLine", "cause", (call) => call.evidence?.line],
  ["evidenceText", "cause", (call) => call.evidence?.text],
  ["responseBody", "cause", (call) => call.responseBody],
  ["credentialElement", "credential", (call) => call.credential?.element],
  ["credentialLabel", "credential", (call) => call.credential?.label],
  ["credentialLocation", "credential", (call) => call.credential?.location],
  ["credentialName", "credential", (call) => call.credential?.name],
  ["credentialPreview", "credential", (call) => call.credential?.preview],
  ["interceptor", "interceptor", (call) => call.interceptor],
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

/**
 * Every call matching the filters (not one page), as CSV or NDJSON text
 * chunks, each with why it was rejected, so a shared file explains itself.
 * The CSV keeps the columns the view shows (`columns=`), and always the call.
 */
export async function* exportCalls(db: Database, filters: CallFilters, format: ExportFormat): AsyncGenerator<string> {
  const shown = filters.columns;
  const columns = CSV_COLUMNS.filter(([, column]) => column === null || shown === undefined || shown.includes(column));
  // The byte order mark tells Excel the file is UTF-8: without it the "…" of every masked value shows as mojibake.
  if (format === "csv") yield `\uFEFF${columns.map(([name]) => name).join(",")}\r\n`;
  for await (const page of eachPageOfCalls(db, filters)) {
    const calls = await explained(db, page);
    yield calls.map((call) => (format === "csv" ? `${columns.map(([, , pick]) => csvCell(pick(call))).join(",")}\r\n` : `${JSON.stringify(call)}\n`)).join("");
  }
}

/** The page's calls with their causes in words, their decisive lines and their bodies (two queries a page). */
async function explained(db: Database, page: CallListItem[]): Promise<ExportedCall[]> {
  const rejected = page.filter((call) => call.rejected).map((call) => call.callId);
  const [rows, bodies] = await Promise.all([
    rejected.length === 0 ? [] : db.evidence.findMany({ where: { callRef: { in: rejected }, role: "decisive" }, select: { callRef: true, file: true, line: true, text: true } }),
    db.call.findMany({ where: { callRef: { in: page.map((call) => call.callId) } }, select: { callRef: true, responseBody: true } }),
  ]);
  const evidence = new Map(rows.map(({ callRef, ...line }) => [callRef, line]));
  const responseBodies = new Map(bodies.map(({ callRef, responseBody }) => [callRef, responseBody]));
  return page.map((call) => ({
    ...call,
    responseBody: responseBodies.get(call.callId) ?? null,
    causeTitle: call.cause ? CAUSES[call.cause].title : null,
    remedy: call.cause ? remedyFor(call.cause, call) : null,
    evidence: evidence.get(call.callId) ?? null,
  }));
}
