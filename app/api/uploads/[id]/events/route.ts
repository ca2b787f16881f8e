import { database } from "@/lib/database";
import { readUploadEvents } from "@/lib/explorer";
import { apiRoute, HttpError } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** An upload's gateway events (lines that name no call), the first 1,000 in trace order, with their total. */
export const GET = apiRoute(async (_request: Request, { params }: Context) => {
  const { id } = await params;
  const events = await readUploadEvents(database(), id);
  if (events === null) throw new HttpError(404, "not_found", `no upload ${id}`);
  return Response.json(events);
});
