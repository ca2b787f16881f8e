import { database } from "@/lib/database";
import { readCall } from "@/lib/explorer";
import { apiRoute, HttpError } from "@/lib/http";

type Context = { params: Promise<{ callId: string }> };

export const GET = apiRoute(async (_request: Request, { params }: Context) => {
  const { callId } = await params;
  const call = await readCall(database(), callId);
  if (!call) throw new HttpError(404, "not_found", `no call ${callId}`);
  return Response.json(call);
});
