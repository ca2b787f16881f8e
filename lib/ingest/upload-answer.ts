// What the uploads API answers, as zod schemas: the server's listing parses
// its JSON column with them and the browser parses the answers it receives.
// Data only (zod and the cause names): client components import this file.
import { z } from "zod";
import { CAUSE_ORDER, type Cause } from "../rules";
import type { TraceFormat } from "../trace-reading";
import type { DeletedUpload } from "./delete-upload";
import type { FileOutcome, UploadResult } from "./ingest-upload";
import type { RejectionsByCause } from "./touched-calls";
import type { RefusedFile } from "./unreadable-files";

/** Every trace format, once: a format added to TraceFormat and not here fails to compile. */
const TRACE_FORMATS = { text: "text", json_lines: "json_lines", json_document: "json_document" } as const satisfies { [F in TraceFormat]: F };

const knownCause = (name: string): name is Cause => (CAUSE_ORDER as readonly string[]).includes(name);

/**
 * Rejections counted by cause, as an upload found them (stored as JSON on the
 * upload). A name no cause has any more is left out: nothing could show it.
 */
export const rejectionsByCauseAnswer = z
  .record(z.string(), z.number().int())
  .transform((counts): RejectionsByCause => Object.fromEntries(Object.entries(counts).filter(([cause]) => knownCause(cause))));

/** The causes an upload found rejections of, in the rules table's order. */
export function causesFound(counts: RejectionsByCause): Cause[] {
  return CAUSE_ORDER.filter((cause) => (counts[cause] ?? 0) > 0);
}

const fileOutcomeAnswer = z.object({
  name: z.string(),
  format: z.enum(TRACE_FORMATS),
  gzip: z.boolean(),
  byteCount: z.number().int(),
  lineCount: z.number().int(),
  duplicate: z.boolean(),
}) satisfies z.ZodType<FileOutcome>;

/** What `POST /api/uploads` answers when it took the upload (201, or 200 when every file was a duplicate). */
export const uploadResultAnswer = z.object({
  uploadId: z.string().nullable(),
  files: z.array(fileOutcomeAnswer),
  callsAdded: z.number().int(),
  callsUpdated: z.number().int(),
  duplicateFiles: z.number().int(),
  gatewayEvents: z.number().int(),
  rejectionsByCause: rejectionsByCauseAnswer,
}) satisfies z.ZodType<UploadResult>;

/** What `DELETE /api/uploads/{id}` answers when it removed the upload (spec section 6). */
export const deletedUploadAnswer = z.object({
  uploadId: z.string(),
  callsRemoved: z.number().int(),
  callsReclassified: z.number().int(),
}) satisfies z.ZodType<DeletedUpload>;

const refusedFileAnswer = z.object({ name: z.string(), readable: z.boolean(), message: z.string() }) satisfies z.ZodType<RefusedFile>;

/**
 * What every API route answers when it refuses or fails (lib/http's apiRoute
 * writes it); an upload refused for files that cannot be read says, in
 * `files`, why each of its files was not stored.
 */
export const errorAnswer = z.object({ error: z.object({ code: z.string(), message: z.string(), files: z.array(refusedFileAnswer).optional() }) });
export type ErrorAnswer = z.infer<typeof errorAnswer>;
