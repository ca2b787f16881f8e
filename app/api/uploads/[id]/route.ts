import { pool } from "@/lib/database";
import { apiRoute } from "@/lib/http";
import { deleteUpload } from "@/lib/ingest";

type Context = { params: Promise<{ id: string }> };

export const DELETE = apiRoute(async (_request: Request, { params }: Context) => Response.json(await deleteUpload(pool(), (await params).id)));
