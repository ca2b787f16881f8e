import { z } from "zod";
import { pool } from "@/lib/database";
import { apiRoute, HttpError } from "@/lib/http";
import { deleteUpload } from "@/lib/ingest";

type Context = { params: Promise<{ id: string }> };

export const DELETE = apiRoute(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) throw new HttpError(404, "not_found", `no upload ${id}`);
  return Response.json(await deleteUpload(pool(), id));
});
