import { database } from "@/lib/database";
import { parseFacetValuesRequest, readFacetValues } from "@/lib/explorer";
import { apiRoute } from "@/lib/http";

type Context = { params: Promise<{ field: string }> };

/** A facet's values with their counts under the explorer's filters (those containing `match` when given): what a facet's "Show all" and filter box list. */
export const GET = apiRoute(async (request: Request, { params }: Context) => {
  const facetRequest = parseFacetValuesRequest((await params).field, new URL(request.url).searchParams);
  return Response.json(await readFacetValues(database(), facetRequest));
});
