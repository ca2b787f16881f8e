import { Readable } from "node:stream";
import { connectPool } from "../../lib/database";
import { ingestUpload } from "../../lib/ingest";

/** Stores a trace given as text, as one upload of one file from the CLI (fingerprinted with a key made from its name). */
export async function ingestTrace(databaseUrl: string, name: string, text: string): Promise<void> {
  const pool = connectPool(databaseUrl);
  try {
    await ingestUpload(pool, { source: "cli", files: [{ name, stream: Readable.from([Buffer.from(text)]) }] }, Buffer.from(`${name} test`));
  } finally {
    await pool.end();
  }
}
