// The benchmark's yardstick: Node's own readline counting the lines of a file
// (through gunzip when the file is gzip, as tracelens would read it).
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

const file = process.argv[2];
const head = Buffer.alloc(2);
const handle = await open(file);
await handle.read(head, 0, 2, 0);
await handle.close();
const raw = createReadStream(file);
const input = head[0] === 0x1f && head[1] === 0x8b ? raw.pipe(createGunzip()) : raw;
let lines = 0;
for await (const _line of createInterface({ input, crlfDelay: Infinity })) lines++;
console.log(lines);
