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
  const queue: Array<TraceInput | Error | null> = [];
  let wake: () => void = () => {};
  const push = (item: TraceInput | Error | null) => {
    queue.push(item);
    wake();
  };
  let received = 0;
  // A client that goes away leaves the body open, never ended: the upload
  // would wait for the rest of its file forever, holding its transaction and
  // the merge lock that every later upload waits for.
  let current: Transform | null = null;
  const cutOff = () => {
    const error = new HttpError(400, "upload_cut_off", "the client went away before the upload was complete");
    current?.destroy(error);
    push(error);
  };
  request.signal.addEventListener("abort", cutOff, { once: true });
  parser.on("file", (field, stream, info) => {
    if (field !== "file") return void stream.resume();
    // Counted in passing (a "data" listener would start the flow before the reader reads).
    const counted = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        done(received > limits.maxBytes ? tooLarge(limits) : null, chunk);
      },
    });
    stream.on("limit", () => counted.destroy(tooLarge(limits)));
    stream.on("error", (error) => counted.destroy(error));
    current = counted;
    push({ name: displayName(info.filename), stream: stream.pipe(counted) });
  });
  parser.on("filesLimit", () => push(new HttpError(413, "too_many_files", `at most ${limits.maxFiles} files per upload`)));
  parser.on("error", (error: Error) => push(new HttpError(400, "bad_multipart", `the multipart body could not be read: ${error.message}`)));
  parser.on("close", () => push(null));
  Readable.fromWeb(request.body as WebReadableStream<Uint8Array>).pipe(parser);
  for (;;) {
    if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    const next = queue.shift();
    if (next === null || next === undefined) return;
    if (next instanceof Error) throw next;
    yield next;
  }
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
