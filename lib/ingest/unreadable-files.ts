import { readTraceFile, TraceReadError, type TraceInput } from "../trace-reading";

/** A file of an upload refused for files that cannot be read: why it was not stored (where and why it cannot be read, or that it can). */
export type RefusedFile = { name: string; readable: boolean; message: string };

const READABLE_NOT_STORED = "readable, but not stored: an upload is stored whole or not at all";

/**
 * An upload refused because files of it cannot be read. `files` says of each
 * file, in the upload's order, why it was not stored, so that every
 * unreadable one can be fixed before the next try. The message is one line:
 * the first unreadable file and where, and how many more there are.
 */
export class UnreadableFilesError extends Error {
  constructor(
    first: TraceReadError,
    readonly files: RefusedFile[],
  ) {
    const more = files.filter((file) => !file.readable).length - 1;
    super(more === 0 ? first.message : `${first.message}, and ${more} more ${more === 1 ? "file" : "files"} cannot be read`);
  }
}

type StoreEach<File> = {
  store: (input: File) => Promise<void>;
  /** Called once, when the first file that cannot be read is met: nothing of the upload will be stored. */
  refuse: () => Promise<void>;
  fingerprintKey: Buffer;
};

/**
 * Hands each file to `store` until one cannot be read. The files after it
 * are still read through (not stored): the refusal names every file that
 * cannot be read, with why and where, so that they are all fixed at once.
 * Anything else that stops the reading (the upload's size limit, a client
 * gone away, the database) stops it here too. Throws UnreadableFilesError
 * once all are read when any could not be.
 */
export async function storeEachReadable<File extends TraceInput>(
  files: AsyncIterable<File> | Iterable<File>,
  { store, refuse, fingerprintKey }: StoreEach<File>,
): Promise<void> {
  const refused: RefusedFile[] = [];
  let first: TraceReadError | null = null;
  for await (const input of files) {
    try {
      await (first === null ? store(input) : readThrough(input, fingerprintKey));
      refused.push({ name: input.name, readable: true, message: READABLE_NOT_STORED });
    } catch (error) {
      if (!(error instanceof TraceReadError)) throw error;
      if (first === null) {
        first = error;
        await refuse();
      }
      refused.push({ name: input.name, readable: false, message: error.problem });
      await dropRest(input.stream);
    }
  }
  if (first !== null) throw new UnreadableFilesError(first, refused);
}

/** Reads a file as storing it would, keeping nothing: all that is asked now is whether, and where, it cannot be read. */
async function readThrough(input: TraceInput, fingerprintKey: Buffer): Promise<void> {
  await readTraceFile(input, { evidenceOnly: true, callEvent: () => {}, gatewayEvent: () => {} }, { fingerprintKey });
}

/**
 * Reads and drops what the reader left of a file it gave up on. Files that
 * share one stream (a multipart body) come one after another: the next
 * comes only once this one is read to its end, and its bytes still count
 * toward the upload's size limit (which fails this reading). A stream
 * already destroyed (a file that could not be opened) has nothing left.
 */
async function dropRest(stream: TraceInput["stream"]): Promise<void> {
  if ("destroyed" in stream && stream.destroyed) return;
  for await (const chunk of stream) void chunk;
}
