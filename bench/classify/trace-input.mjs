// How both yardsticks open a trace: through gunzip when the
// file is gzip (recognised by its magic bytes, as tracelens does).
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createGunzip } from "node:zlib";

export async function openTrace(file, options = {}) {
  const head = Buffer.alloc(2);
  const handle = await open(file);
  await handle.read(head, 0, 2, 0);
  await handle.close();
  const raw = createReadStream(file, options);
  return head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
}
