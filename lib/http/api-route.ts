import { FingerprintKeyMismatchError } from "../credentials";
import { InvalidFilterError } from "../explorer";
import { EmptyUploadError, UnreadableFilesError, UploadNotFoundError, type ErrorAnswer } from "../ingest";
import { HttpError } from "./errors";

const INTERNAL = "internal";

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
      const route = `${request.method} ${new URL(request.url).pathname}`;
      // The stack only for what is not known: a known failure's own message says it all (more than its answer may).
      if (known.status >= 500) console.error(`${route} failed:`, known.code === INTERNAL ? error : messageOf(error));
      // An upload or a removal refused is news to whoever runs the server ("the upload failed" reaches them second-hand); a bad view's link is not.
      else if (request.method !== "GET") console.warn(`${route} refused (${known.status} ${known.code}): ${known.message}`);
      return errorResponse(known);
    }
  };
}

function errorResponse(error: HttpError): Response {
  return Response.json({ error: { code: error.code, message: error.message, ...error.details } } satisfies ErrorAnswer, { status: error.status });
}

function asHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof InvalidFilterError) return new HttpError(400, "invalid_parameter", error.message);
  if (error instanceof UnreadableFilesError) return new HttpError(422, "unreadable_file", `${error.message}; nothing was stored`, { files: error.files });
  if (error instanceof UploadNotFoundError) return new HttpError(404, "not_found", error.message);
  if (error instanceof EmptyUploadError) return new HttpError(400, "no_file", `${error.message}: send them in the multipart field "file"`);
  // The server's own key, not the request, is at fault (serve checks it at start; this is a key file changed since).
  // Where the key is kept (a path in the server's home) is for its log, not for whoever sent the request.
  if (error instanceof FingerprintKeyMismatchError) {
    return new HttpError(500, "fingerprint_key_mismatch", "the server's fingerprint key is not the one this database was filled with; its log says what to do");
  }
  return new HttpError(500, INTERNAL, "the server could not complete the request");
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
