import { InvalidFilterError } from "../explorer";
import { EmptyUploadError, UploadNotFoundError, type ErrorAnswer } from "../ingest";
import { TraceReadError } from "../trace-reading";
import { HttpError } from "./errors";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Every route handler goes through here: known failures become a 4xx with
 * `{"error": {"code", "message"}}`; anything else a 500 that says nothing
 * of the input (which may hold credentials).
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      const known = asHttpError(error);
      if (known.status >= 500) console.error(`${request.method} ${new URL(request.url).pathname} failed:`, error);
      return errorResponse(known);
    }
  };
}

function errorResponse(error: HttpError): Response {
  return Response.json({ error: { code: error.code, message: error.message } } satisfies ErrorAnswer, { status: error.status });
}

function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof InvalidFilterError) return new HttpError(400, "invalid_parameter", error.message);
  if (error instanceof TraceReadError) return new HttpError(422, "unreadable_file", `${error.message}; nothing was stored`);
  if (error instanceof UploadNotFoundError) return new HttpError(404, "not_found", error.message);
  if (error instanceof EmptyUploadError) return new HttpError(400, "no_file", `${error.message}: send them in the multipart field "file"`);
  return new HttpError(500, "internal", "the server could not complete the request");
}
