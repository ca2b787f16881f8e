import { database } from "@/lib/database";
import { exportCalls, parseExportRequest } from "@/lib/explorer";
import { apiRoute, streamedText } from "@/lib/http";

export const GET = apiRoute(async (request: Request) => {
  const { format, filters, contentType, fileName } = parseExportRequest(new URL(request.url).searchParams);
  return streamedText(exportCalls(database(), filters, format), {
    "content-type": contentType,
    "content-disposition": `attachment; filename="${fileName}"`,
  });
});
