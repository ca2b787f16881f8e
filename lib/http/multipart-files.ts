import path from "node:path";
import { Readable, Transform } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import busboy from "busboy";
import type { TraceInput } from "../trace-reading";
import { HttpError } from "./errors";

export type UploadLimits = { maxBytes: number; maxFiles: number };

/**
 * The `file` parts of a multipart body, one stream at a time, as they arrive:
 * no file is held whole in memory. Past `maxBytes` in all, the upload fails
 * with 413.
 */
export async function* multipartFiles(request: Request, limits: UploadLimits): AsyncGenerator<TraceInput> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data") || !request.body) {
    throw new HttpError(415, "unsupported_media_type", 'send the trace files as multipart/form-data, in the field "file"');
  }
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limits.maxBytes) throw tooLarge(limits);
  const parser = busboy({ headers: { "content-type": contentType }, limits: { files: limits.maxFiles, fileSize: limits.maxBytes } });
  const arrivals = new Arrivals<TraceInput>();
  const size = { received: 0 };
  // A client that goes away leaves the body open, never ended: the upload
  // would wait for the rest of its file forever, holding its transaction and
  // the merge lock that every later upload waits for.
  let current: Transform | null = null;
  request.signal.addEventListener(
    "abort",
    () => {
      const error = new HttpError(400, "upload_cut_off", "the client went away before the upload was complete");
      current?.destroy(error);
      arrivals.push(error);
    },
    { once: true },
  );
  parser.on("file", (field, stream, info) => {
    if (field !== "file") return void stream.resume();
    current = withinLimit(stream, size, limits);
    arrivals.push({ name: displayName(info.filename), stream: current });
  });
  parser.on("filesLimit", () => arrivals.push(new HttpError(413, "too_many_files", `at most ${limits.maxFiles} files per upload`)));
  parser.on("error", (error: Error) => arrivals.push(new HttpError(400, "bad_multipart", `the multipart body could not be read: ${error.message}`)));
  parser.on("close", () => arrivals.push(null));
  const body = Readable.fromWeb(request.body as WebReadableStream<Uint8Array>);
  // Cut off mid-way, the body fails as the request's signal aborts, and the abort says so (above): unheard, the
  // failure would be an exception nothing catches in the server.
  body.on("error", () => undefined);
  body.pipe(parser);
  yield* arrivals.inOrder();
}

/** What busboy's events hand the reader, in order: an Error ends the reading with it, null ends it. */
class Arrivals<T> {
  private readonly queue: Array<T | Error | null> = [];
  private wake: () => void = () => {};

  push(item: T | Error | null): void {
    this.queue.push(item);
    this.wake();
  }

  async *inOrder(): AsyncGenerator<T> {
    for (;;) {
      if (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
      const next = this.queue.shift();
      if (next === null || next === undefined) return;
      if (next instanceof Error) throw next;
      yield next;
    }
  }
}

/** A file part that fails with 413 once the upload's parts together pass the limit. */
function withinLimit(stream: Readable, size: { received: number }, limits: UploadLimits): Transform {
  // Counted in passing (a "data" listener would start the flow before the reader reads).
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size.received += chunk.length;
      done(size.received > limits.maxBytes ? tooLarge(limits) : null, chunk);
    },
  });
  stream.on("limit", () => counted.destroy(tooLarge(limits)));
  stream.on("error", (error) => counted.destroy(error));
  return stream.pipe(counted);
}

/** A client's file name is only ever shown, never used as a path. */
function displayName(filename: string | undefined): string {
  const base = path.posix.basename((filename ?? "").replaceAll("\\", "/"));
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 200);
  return clean || "upload";
}

function tooLarge(limits: UploadLimits): HttpError {
  return new HttpError(413, "upload_too_large", `an upload may hold at most ${Math.round(limits.maxBytes / 1024 / 1024)} MiB`);
}
