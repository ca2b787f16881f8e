// The benchmark's yardstick: Node's own readline counting the lines of a file
// (through gunzip when the file is gzip, as tracelens would read it).
import { createInterface } from "node:readline";
import { openTrace } from "./trace-input.mjs";

const input = await openTrace(process.argv[2]);
let lines = 0;
for await (const _line of createInterface({ input, crlfDelay: Infinity })) lines++;
console.log(lines);
