import { environment } from "@/lib/config";
import { fingerprintKeyFor } from "@/lib/credentials";
import { database, pool } from "@/lib/database";
import { apiRoute, multipartFiles } from "@/lib/http";
import { ingestUpload, listUploads } from "@/lib/ingest";

export const GET = apiRoute(async () => Response.json({ items: await listUploads(database()) }));

export const POST = apiRoute(async (request: Request) => {
  const files = multipartFiles(request, environment().uploadLimits);
  const result = await ingestUpload(pool(), { source: "http", files }, await fingerprintKeyFor(pool()));
  return Response.json(result, { status: result.uploadId ? 201 : 200 });
});
