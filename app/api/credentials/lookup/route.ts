import { fingerprintKeyFor } from "@/lib/credentials";
import { database, pool } from "@/lib/database";
import { credentialLookupRequest, lookUpCredential } from "@/lib/explorer";
import { apiRoute, jsonBody } from "@/lib/http";

// POST, not GET: a credential in a URL would land in browser history and access logs.
export const POST = apiRoute(async (request: Request) => {
  const { value } = await jsonBody(request, credentialLookupRequest, '{"value": "<the credential, as it was sent>"}');
  return Response.json(await lookUpCredential(database(), await fingerprintKeyFor(pool()), value));
});
