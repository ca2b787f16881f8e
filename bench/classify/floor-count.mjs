// A second yardstick: the least work any classifier must do per line. It
// reads the file as classify does (1 MiB chunks, through gunzip when gzip),
// decodes whole lines, cuts each line's third field (where a text trace
// keeps its call reference) and counts it in a Map of calls. No timestamp,
// message or rule is read: what classify spends beyond this is its own.
import { openTrace } from "./trace-input.mjs";

const input = await openTrace(process.argv[2], { highWaterMark: 1 << 20 });
const calls = new Map();
let lines = 0;
let carry = Buffer.alloc(0);
const countLines = (text) => {
  for (let start = 0, end = text.indexOf("\n"); end >= 0; start = end + 1, end = text.indexOf("\n", start)) {
    lines++;
    const first = text.indexOf(" ", start);
    const second = text.indexOf(" ", first + 1);
    const third = text.indexOf(" ", second + 1);
    if (first < 0 || first > end || third > end) continue;
    const ref = text.slice(second + 1, third < 0 ? end : third);
    const call = calls.get(ref);
    if (call === undefined) calls.set((" " + ref).slice(1), { lines: 1 });
    else call.lines++;
  }
};
for await (const chunk of input) {
  const bytes = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
  const last = bytes.lastIndexOf(0x0a);
  countLines(bytes.toString("utf8", 0, last + 1));
  carry = bytes.subarray(last + 1);
}
if (carry.length > 0) countLines(carry.toString("utf8") + "\n");
console.log(lines);
