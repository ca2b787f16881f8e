import { pool } from "@/lib/database";
import { apiRoute } from "@/lib/http";
import { previewUploadRemoval } from "@/lib/ingest";

type Context = { params: Promise<{ id: string }> };

/** What `DELETE /api/uploads/{id}` would do, in the same shape as its answer, changing nothing: the browser asks before a removal. */
export const GET = apiRoute(async (_request: Request, { params }: Context) => Response.json(await previewUploadRemoval(pool(), (await params).id)));
