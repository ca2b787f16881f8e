import type { ErrorAnswer } from "../ingest";

/** What an answer's `error` says beside its code and message (an upload's files, say). */
type ErrorDetails = Omit<ErrorAnswer["error"], "code" | "message">;

/** An error that is already an HTTP answer: status, machine code, one-line message, and any details. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}
