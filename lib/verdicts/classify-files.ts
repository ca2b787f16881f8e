import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { CallLinker, SeenCalls, type CallFacts } from "../calls";
import { copyString } from "../credentials";
import { NoTraceRecordsError, readTraceFile, rememberCarriedValues, type CallEvent, type CarriedValueMemory, type TraceInput, type TraceSink } from "../trace-reading";
import { mergeSorted, SortedVerdicts } from "./sorted-verdicts";
import { OpenCallValues } from "./open-call-values";
import { verdictLineOf, type VerdictLine } from "./verdict-line";

/** Opens one trace file; called again if the files must be read twice. */
export type TraceOpener = () => TraceInput;

export type VerdictLimits = {
  /** Calls held in memory before a sweep settles those gone quiet (the mark doubles while most are still busy). */
  openCalls: number;
  /** Events without a line of a call after which it counts as quiet. */
  idleEvents: number;
  /** Verdicts held in memory before they are sorted into a run on disk. */
  linesPerRun: number;
};

export const VERDICT_LIMITS: VerdictLimits = { openCalls: 5_000, idleEvents: 10_000, linesPerRun: 20_000 };

export type ClassifyOptions = {
  limits?: VerdictLimits;
  /**
   * False when a file cannot be opened twice (a pipe, `/dev/stdin`): then no
   * call is settled early, since a call heard of again could not be read
   * again, and memory grows with the calls as it did before settling.
   */
  rereadable?: boolean;
  /**
   * Told, once the files are read, of each one that held no trace record at
   * all (an empty file, a README given with the traces), which was passed
   * over. Without it such a file fails the run, as does a run in which no
   * file holds a record.
   */
  onFileWithoutRecords?: (error: NoTraceRecordsError) => void;
};

/** Takes a batch of lines in order; resolves to false when nobody reads any more (`classify ... | head`). */
export type VerdictWriter = (lines: string[]) => Promise<boolean>;

/**
 * Classifies every call of the files (calls joined across them) and hands
 * their verdict lines to `write` in call order, in memory bounded by the calls
 * still open rather than by the size of the input:
 *
 * - a call quiet for `idleEvents` events is settled: its verdict goes to an
 *   external sort (SortedVerdicts) and its facts are dropped;
 * - a call heard of again after it was settled (a late line, or its lines
 *   spread over files) is noted, and once the files are read they are read
 *   again for such calls alone, whose verdicts replace the partial ones.
 *
 * Traces written as gateways write them, one call's lines close together,
 * are read once. A file that grows while it is read can differ between the
 * two readings; the second one is what its calls' verdicts say.
 */
export async function classifyTraceFiles(files: TraceOpener[], fingerprintKey: Buffer, write: VerdictWriter, options: ClassifyOptions = {}): Promise<void> {
  const given = options.limits ?? VERDICT_LIMITS;
  const limits = options.rereadable === false ? { ...given, openCalls: Number.POSITIVE_INFINITY } : given;
  const spill = new SpillDir();
  // One for the whole run, both readings: what a later file carried is known when an earlier file's echo is quoted.
  const values = new OpenCallValues();
  const run: Reading = {
    files,
    fingerprintKey,
    carriedSoFar: rememberCarriedValues(fingerprintKey, values),
    values,
    passOverFilesWithoutRecords: options.onFileWithoutRecords !== undefined,
    withoutRecords: new Map(),
  };
  try {
    const firstPass = new SortedVerdicts(spill.folder, "first-pass", limits.linesPerRun);
    const reopened = await settleAsTheyQuieten(run, firstPass, limits);
    const passedOver = [...run.withoutRecords.values()];
    if (passedOver.length === files.length && passedOver[0] !== undefined) throw passedOver[0];
    for (const error of passedOver) options.onFileWithoutRecords?.(error);
    const secondPass = new SortedVerdicts(spill.folder, "second-pass", limits.linesPerRun);
    if (reopened.size > 0) {
      const linker = new CallLinker({ keepSummary: false });
      values.linkingInto(linker);
      await readAll(run, (event) => {
        if (reopened.has(event.callRef)) linker.apply(event);
      });
      for (const facts of linker) secondPass.add(verdictLineFor(run, facts));
    }
    await writeInBatches(mergeSorted([firstPass.inOrder((callRef) => reopened.has(callRef)), secondPass.inOrder()]), write);
  } finally {
    spill.remove();
  }
}

/** The first reading: every call settled into `verdicts`; returns the calls heard of again after they were settled. */
async function settleAsTheyQuieten(run: Reading, verdicts: SortedVerdicts, limits: VerdictLimits): Promise<Set<string>> {
  const settled = new SeenCalls();
  const reopened = new Set<string>();
  const linker = new CallLinker({
    keepSummary: false,
    onNewCall: (callRef) => {
      if (settled.mayHold(callRef)) reopened.add(copyString(callRef));
    },
  });
  run.values.linkingInto(linker);
  const settle = (facts: CallFacts) => {
    settled.add(facts.callRef);
    verdicts.add(verdictLineFor(run, facts));
  };
  let nextSweep = limits.openCalls;
  await readAll(run, (event) => {
    linker.apply(event);
    if (linker.size <= nextSweep) return;
    for (const facts of linker.evictIdle(limits.idleEvents)) settle(facts);
    // Doubling while most calls are still busy keeps the sweeps linear overall.
    nextSweep = Math.max(limits.openCalls, 2 * linker.size);
  });
  for (const facts of linker) settle(facts);
  return reopened;
}

/**
 * The files of one classify run, read once or twice, what their calls
 * carried so far, what open calls carried, and the files passed over
 * (by their place in `files`) for holding no trace record.
 */
type Reading = {
  files: TraceOpener[];
  fingerprintKey: Buffer;
  carriedSoFar: CarriedValueMemory;
  values: OpenCallValues;
  passOverFilesWithoutRecords: boolean;
  withoutRecords: Map<number, NoTraceRecordsError>;
};

/** A call's verdict line, its evidence masked with every value the run still knows the call carried. */
function verdictLineFor({ carriedSoFar, values }: Reading, facts: CallFacts): VerdictLine {
  const carried = values.take(facts.callRef);
  return verdictLineOf(facts, (text) => carriedSoFar.maskValues(carriedSoFar.scrub(facts.callRef, text), carried));
}

async function readAll(run: Reading, onCallEvent: (event: CallEvent) => void): Promise<void> {
  const { fingerprintKey, carriedSoFar, withoutRecords } = run;
  const sink: TraceSink = { evidenceOnly: true, callEvent: onCallEvent, gatewayEvent: () => {} };
  for (const [index, open] of run.files.entries()) {
    if (withoutRecords.has(index)) continue;
    try {
      await readTraceFile(open(), sink, { fingerprintKey, carriedSoFar });
    } catch (error) {
      // Such a file handed nothing on: passing over it changes no verdict.
      if (!(error instanceof NoTraceRecordsError) || !run.passOverFilesWithoutRecords) throw error;
      withoutRecords.set(index, error);
    }
  }
}

const LINES_PER_WRITE = 2000;

async function writeInBatches(lines: Iterable<VerdictLine>, write: VerdictWriter): Promise<void> {
  let batch: string[] = [];
  for (const line of lines) {
    batch.push(line.text);
    if (batch.length < LINES_PER_WRITE) continue;
    if (!(await write(batch))) return;
    batch = [];
  }
  if (batch.length > 0) await write(batch);
}

/**
 * A private folder for sorted runs, made on first use and removed at the end,
 * also when the run is interrupted (Ctrl-C): a signal ends the process
 * without running `finally` blocks, and the runs can be hundreds of MB.
 */
class SpillDir {
  private dir: string | null = null;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.remove();
    process.kill(process.pid, signal);
  };

  /** The folder, made on first call. */
  readonly folder = (): string => {
    if (this.dir === null) {
      this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-classify-"));
      for (const signal of SIGNALS) process.once(signal, this.onSignal);
    }
    return this.dir;
  };

  remove(): void {
    for (const signal of SIGNALS) process.off(signal, this.onSignal);
    if (this.dir !== null) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
