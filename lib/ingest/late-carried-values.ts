import type pg from "pg";
import type { CredentialMasker } from "../credentials";
import type { CallBatch } from "./call-batch";

/** What one call learned while a batch was read: its values, and whether lines of it were in that batch already. */
type Learned = { values: string[]; afterItsLines: boolean };

/** What the calls of one batch learned, by call. */
type LearnedByCalls = Map<string, Learned>;

/**
 * Values a call carried that text of it already handed on may echo. The
 * readers mask what they know as they read a line, and look back 128 events;
 * an echo further back in the file, in an earlier file of the upload
 * (`gateway.log` given before `gateway.log.1`) or in an earlier upload of
 * the same call was handed on before its value was known.
 *
 * Each batch takes what its calls learned and, once it is stored, those
 * values are masked in every stored row of the calls that had lines before
 * them: in an earlier batch, file or upload, or earlier in the batch itself.
 * Raw values stay in memory only, and only until their call's batch is
 * stored: those of a batch's calls and of the few still in the look-back.
 */
export class LateCarriedValues {
  private filling: CallBatch | null = null;
  private readonly learning: LearnedByCalls = new Map();

  /** The readers learned a value `callRef` carried (the scrubber's onLearned). */
  readonly learned = (callRef: string, value: string): void => {
    const afterItsLines = this.filling?.has(callRef) === true;
    const known = this.learning.get(callRef);
    if (known === undefined) this.learning.set(callRef, { values: [value], afterItsLines });
    else {
      known.values.push(value);
      known.afterItsLines ||= afterItsLines;
    }
  };

  /** The reader starts filling `batch` with the lines it hands on. */
  fill(batch: CallBatch): void {
    this.filling = batch;
  }

  /**
   * What `batch`'s calls learned, taken as the batch is cut and before the
   * reader goes on: a value learned later goes with a later batch of its
   * call, the one that holds the lines read before it.
   */
  take(batch: CallBatch): LearnedByCalls {
    const taken: LearnedByCalls = new Map();
    for (const { callRef } of batch) {
      const learned = this.learning.get(callRef);
      if (learned === undefined) continue;
      taken.set(callRef, learned);
      this.learning.delete(callRef);
    }
    return taken;
  }

  /** A file is read: its batches took all it learned, or it is undone (its bytes were stored before). */
  fileDone(): void {
    this.learning.clear();
    this.filling = null;
  }

  /**
   * Once a batch is stored: masks what its calls learned in the stored rows
   * of those that had lines stored before (`storedBefore`, the batch's calls
   * that were stored before it) or in the batch before they learned it.
   */
  async maskStored(client: pg.PoolClient, learned: LearnedByCalls, storedBefore: readonly string[], mask: CredentialMasker): Promise<void> {
    if (learned.size === 0) return;
    const echoed = new Set(storedBefore);
    const late = new Map<string, string[]>();
    for (const [callRef, { values, afterItsLines }] of learned) if (afterItsLines || echoed.has(callRef)) late.set(callRef, values);
    await maskInStoredCalls(client, late, mask);
  }
}

/** Each value, with its preview, also as a JSON string writes it (facts and unknown fields are JSON). */
const LATE_VALUES = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS late(call_ref, raw, preview, raw_in_json, preview_in_json)`;

// By call reference through each table's primary key (call_ref comes first).
const MASK_IN_STORED_CALLS = [
  `UPDATE trace_segments s
      SET texts = ARRAY(SELECT replace(t.text, late.raw, late.preview) FROM unnest(s.texts) WITH ORDINALITY AS t(text, i) ORDER BY t.i),
          facts = replace(s.facts::text, late.raw_in_json, late.preview_in_json)::json
     FROM ${LATE_VALUES}
    WHERE s.call_ref = ANY($1::text[]) AND s.call_ref = late.call_ref
      AND (strpos(array_to_string(s.texts, E'\\n'), late.raw) > 0 OR strpos(s.facts::text, late.raw_in_json) > 0)`,
  `UPDATE evidence e
      SET text = replace(e.text, late.raw, late.preview)
     FROM ${LATE_VALUES}
    WHERE e.call_ref = ANY($1::text[]) AND e.call_ref = late.call_ref AND strpos(e.text, late.raw) > 0`,
  `UPDATE calls c
      SET uri = replace(c.uri, late.raw, late.preview), response_body = replace(c.response_body, late.raw, late.preview),
          extra_fields = replace(c.extra_fields::text, late.raw_in_json, late.preview_in_json)::jsonb
     FROM ${LATE_VALUES}
    WHERE c.call_ref = ANY($1::text[]) AND c.call_ref = late.call_ref
      AND (strpos(c.uri, late.raw) > 0 OR strpos(c.response_body, late.raw) > 0 OR strpos(c.extra_fields::text, late.raw_in_json) > 0)`,
];

/**
 * Masks each call's values wherever its rows are stored: trace lines and
 * their facts (of every upload), evidence, the call's own fields. An UPDATE
 * applies one joined value to a row, so the values go in rounds: every
 * call's first value (a whole value before its parts, as the scrubber
 * learned them), then every call's second, and so on.
 */
async function maskInStoredCalls(client: pg.PoolClient, values: Map<string, string[]>, mask: CredentialMasker): Promise<void> {
  const inJson = (text: string) => JSON.stringify(text).slice(1, -1);
  for (let round = 0; ; round++) {
    const columns: string[][] = [[], [], [], [], []];
    for (const [callRef, raws] of values) {
      const raw = raws[round];
      if (raw === undefined) continue;
      const preview = mask(raw).preview;
      [callRef, raw, preview, inJson(raw), inJson(preview)].forEach((value, column) => columns[column]!.push(value));
    }
    if (columns[0]!.length === 0) return;
    for (const statement of MASK_IN_STORED_CALLS) await client.query(statement, columns);
  }
}
