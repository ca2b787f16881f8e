import { z } from "zod";
import { CAUSE_ORDER, CAUSES, CREDENTIAL_ELEMENTS, CREDENTIAL_LOCATIONS, remedyFor, type Cause } from "../rules";
import type { VerdictWriter } from "../verdicts";

/** How many rejections of a cause the summary names, to open in the trace: enough to start from. */
const EXAMPLES = 3;

/** What the summary reads of a verdict line (spec section 6). */
const verdictLine = z.object({
  callId: z.string(),
  rejected: z.boolean(),
  cause: z.enum(CAUSE_ORDER).nullable(),
  credential: z.object({ element: z.enum(CREDENTIAL_ELEMENTS), label: z.string().nullable(), location: z.enum(CREDENTIAL_LOCATIONS), name: z.string() }).nullable(),
  evidence: z.object({ file: z.string(), line: z.number().nullable() }).nullable(),
});
type Verdict = z.infer<typeof verdictLine>;

/** A cause's rejections: how many, what to do about them (by the credential each names: a client ID's remedy is not a token's), the first few. */
type CauseTally = { count: number; remedies: Map<string, number>; examples: Verdict[] };

/**
 * `tracelens classify --summary`: the verdicts counted by cause, each with
 * what to do and the first rejections to look at (call and evidence line),
 * for whoever reads a trace at a terminal rather than feeding a program.
 */
export function classifySummary(): { write: VerdictWriter; report: () => string } {
  let calls = 0;
  const tallies = new Map<Cause, CauseTally>();
  const write: VerdictWriter = async (lines) => {
    for (const line of lines) {
      const verdict = verdictLine.parse(JSON.parse(line));
      calls += 1;
      if (!verdict.rejected || verdict.cause === null) continue;
      const tally: CauseTally = tallies.get(verdict.cause) ?? { count: 0, remedies: new Map(), examples: [] };
      tally.count += 1;
      const remedy = remedyFor(verdict.cause, { credential: verdict.credential });
      tally.remedies.set(remedy, (tally.remedies.get(remedy) ?? 0) + 1);
      if (tally.examples.length < EXAMPLES) tally.examples.push(verdict);
      tallies.set(verdict.cause, tally);
    }
    return true;
  };
  return { write, report: () => formatSummary(calls, tallies) };
}

function formatSummary(calls: number, tallies: Map<Cause, CauseTally>): string {
  const rejected = [...tallies.values()].reduce((sum, tally) => sum + tally.count, 0);
  const lines = [`${count(calls, "call")}, ${count(rejected, "rejection")}${rejected > 0 ? ":" : "."}`];
  for (const cause of CAUSE_ORDER) {
    const tally = tallies.get(cause);
    if (!tally) continue;
    lines.push("", `${tally.count.toLocaleString("en").padStart(9)}  ${CAUSES[cause].title}`);
    for (const [remedy, times] of tally.remedies) lines.push(`           What to do${tally.remedies.size > 1 ? ` (${times.toLocaleString("en")})` : ""}: ${remedy}`);
    for (const example of tally.examples) lines.push(`           ${example.callId}  ${whereFound(example)}`);
  }
  return `${lines.join("\n")}\n`;
}

function whereFound(verdict: Verdict): string {
  if (!verdict.evidence) return "";
  return verdict.evidence.line === null ? verdict.evidence.file : `${verdict.evidence.file}:${verdict.evidence.line}`;
}

const count = (n: number, noun: string) => `${n.toLocaleString("en")} ${n === 1 ? noun : `${noun}s`}`;
