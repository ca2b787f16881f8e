import { database } from "@/lib/database";
import { listGatewayEvents, parseEventFilters } from "@/lib/explorer";
import { apiRoute } from "@/lib/http";

/** One page of every upload's gateway events (lines that name no call), newest first, under the filters of the /events page. */
export const GET = apiRoute(async (request: Request) => {
  const filters = parseEventFilters(new URL(request.url).searchParams);
  return Response.json(await listGatewayEvents(database(), filters));
});
