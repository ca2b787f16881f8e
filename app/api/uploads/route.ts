import { environment } from "@/lib/config";
import { loadFingerprintKey } from "@/lib/credentials";
import { database, pool } from "@/lib/database";
import { apiRoute, HttpError, multipartFiles } from "@/lib/http";
import { ingestUpload, listUploads } from "@/lib/ingest";

export const GET = apiRoute(async () => Response.json({ items: await listUploads(database()) }));

export const POST = apiRoute(async (request: Request) => {
  const files = multipartFiles(request, environment().uploadLimits);
  const result = await ingestUpload(pool(), { source: "http", files }, loadFingerprintKey());
  if (result.files.length === 0) throw new HttpError(400, "no_file", 'the upload holds no file: send them in the multipart field "file"');
  return Response.json(result, { status: result.uploadId ? 201 : 200 });
});
