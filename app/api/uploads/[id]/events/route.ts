import { database } from "@/lib/database";
import { parseEventsPage, readUploadEvents } from "@/lib/explorer";
import { apiRoute, HttpError } from "@/lib/http";

type Context = { params: Promise<{ id: string }> };

/** One page of an upload's gateway events (lines that name no call), in trace order, with their total; `cursor` and `limit` choose the page. */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const { id } = await params;
  const page = parseEventsPage(new URL(request.url).searchParams);
  const events = await readUploadEvents(database(), id, page);
  if (events === null) throw new HttpError(404, "not_found", `no upload ${id}`);
  return Response.json(events);
});
