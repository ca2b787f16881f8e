import { createHash } from "node:crypto";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";

/** Bytes counted and hashed as they pass: a file's raw bytes, or its decompressed content. */
export class ByteTally {
  private readonly hash = createHash("sha256");
  private digest: string | undefined;
  byteCount = 0;

  add(chunk: Buffer): void {
    this.hash.update(chunk);
    this.byteCount += chunk.length;
  }

  /** Hex SHA-256 of every byte added; asked once the bytes have all passed. */
  sha256(): string {
    this.digest ??= this.hash.digest("hex");
    return this.digest;
  }
}

/**
 * The decompressed bytes of a file, and the hash of its content: a gzip of
 * a file stored before is the same trace, though its bytes differ.
 */
export type ByteSource = { gzip: boolean; chunks: AsyncIterable<Buffer>; contentSha256: () => string };

/** Thrown for unreadable gzip; the caller knows the byte offset from the tally. */
export class GzipError extends Error {}

/**
 * The decompressed bytes of a trace file. Gzip is recognised by its magic bytes,
 * whatever the file is called.
 */
export async function openByteSource(input: AsyncIterable<unknown>, tally: ByteTally, limits = DECOMPRESSION_LIMITS): Promise<ByteSource> {
  const raw = tallied(input, tally)[Symbol.asyncIterator]();
  const head = await readHead(raw);
  const rest = prepend(head, raw);
  if (!isGzip(head)) return { gzip: false, chunks: rest, contentSha256: () => tally.sha256() };
  const content = new ByteTally();
  return { gzip: true, chunks: gunzipped(rest, tally, content, limits), contentSha256: () => content.sha256() };
}

/**
 * Guard against gzip bombs: past `floorBytes`, decompressed data may be at
 * most `ratio` times the compressed bytes read so far. Real gateway logs
 * compress 5 to 30 times; a bomb compresses a thousand times or more.
 */
export type DecompressionLimits = { ratio: number; floorBytes: number };
export const DECOMPRESSION_LIMITS: DecompressionLimits = { ratio: 200, floorBytes: 64 * 1024 * 1024 };

async function* tallied(input: AsyncIterable<unknown>, tally: ByteTally): AsyncGenerator<Buffer> {
  for await (const chunk of input) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string | Uint8Array);
    tally.add(bytes);
    yield bytes;
  }
}

/** At least two bytes (enough to see gzip's magic), unless the file is shorter. */
async function readHead(raw: AsyncIterator<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  while (length < 2) {
    const next = await raw.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.length;
  }
  return Buffer.concat(parts);
}

async function* prepend(head: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  if (head.length > 0) yield head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

const isGzip = (head: Buffer) => head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;

async function* gunzipped(compressed: AsyncIterable<Buffer>, tally: ByteTally, content: ByteTally, limits: DecompressionLimits): AsyncGenerator<Buffer> {
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  const output = pipeline(Readable.from(compressed), gunzip, () => {});
  let decompressed = 0;
  try {
    for await (const chunk of output) {
      decompressed += (chunk as Buffer).length;
      if (decompressed > limits.floorBytes && decompressed > limits.ratio * tally.byteCount) {
        gunzip.destroy();
        throw new GzipError(`decompresses to more than ${limits.ratio} times its size: refused as a likely gzip bomb`);
      }
      content.add(chunk as Buffer);
      yield chunk as Buffer;
    }
  } catch (error) {
    if (isZlibError(error)) throw new GzipError(describeZlibError(error));
    throw error;
  }
}

function isZlibError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}

function describeZlibError(error: NodeJS.ErrnoException): string {
  return error.code === "Z_BUF_ERROR" ? "truncated gzip data" : "corrupt gzip data";
}
