import { database } from "@/lib/database";
import { exportCalls, parseCallFilters } from "@/lib/explorer";
import { apiRoute, HttpError } from "@/lib/http";

const CONTENT_TYPES = { csv: "text/csv; charset=utf-8", ndjson: "application/x-ndjson" } as const;

export const GET = apiRoute(async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const format = params.get("format") ?? "csv";
  if (format !== "csv" && format !== "ndjson") {
    throw new HttpError(400, "invalid_parameter", `invalid value "${format}" for "format": csv or ndjson`);
  }
  params.delete("format");
  const filters = parseCallFilters(params);
  const chunks = exportCalls(database(), filters, format);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "content-type": CONTENT_TYPES[format],
      "content-disposition": `attachment; filename="tracelens-calls.${format}"`,
    },
  });
});
