import { database } from "@/lib/database";
import { listCalls, parseCallFilters } from "@/lib/explorer";
import { apiRoute } from "@/lib/http";

export const GET = apiRoute(async (request: Request) => {
  const filters = parseCallFilters(new URL(request.url).searchParams);
  return Response.json(await listCalls(database(), filters));
});
