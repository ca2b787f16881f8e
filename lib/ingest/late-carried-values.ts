import type pg from "pg";
import { SeenCalls } from "../calls";
import type { CredentialMasker } from "../credentials";

/**
 * Values a call carried in one file of an upload that an earlier file of it
 * may echo: the readers mask what they know when they read a line, and
 * `gateway.log` given before `gateway.log.1` is read before the value it
 * echoes is known. Its lines are already stored by then, so once every file
 * is in, maskStored masks those values in what the upload stored.
 *
 * Memory stays bounded: the calls of earlier files are kept as a Bloom
 * filter, and values only for calls that filter may hold (those spread over
 * files, and a rare wrong "maybe").
 */
export class LateCarriedValues {
  private readonly earlierFiles = new SeenCalls();
  private thisFile = new SeenCalls();
  private readonly values = new Map<string, Set<string>>();

  /** The current file's calls in a batch about to be stored (once a call a batch, not once a line). */
  stored(calls: Iterable<{ callRef: string }>): void {
    for (const { callRef } of calls) this.thisFile.add(callRef);
  }

  /** The readers learned a value `callRef` carried (the scrubber's onLearned). */
  readonly learned = (callRef: string, value: string): void => {
    if (!this.earlierFiles.mayHold(callRef)) return;
    const known = this.values.get(callRef) ?? new Set<string>();
    this.values.set(callRef, known.add(value));
  };

  fileDone(): void {
    this.earlierFiles.addAll(this.thisFile);
    this.thisFile = new SeenCalls();
  }

  /** Masks the values learned late wherever the upload stored their calls' text: trace lines, their facts, evidence, the call's own fields. */
  async maskStored(client: pg.PoolClient, uploadId: string, mask: CredentialMasker): Promise<void> {
    for (const [callRef, values] of this.values) {
      for (const raw of values) {
        const preview = mask(raw).preview;
        const inJson = (text: string) => JSON.stringify(text).slice(1, -1);
        await client.query(
          `UPDATE trace_segments s
              SET texts = ARRAY(SELECT replace(t.text, $2, $3) FROM unnest(s.texts) WITH ORDINALITY AS t(text, i) ORDER BY t.i),
                  facts = replace(s.facts::text, $4, $5)::json
             FROM upload_files f
            WHERE f.id = s.file_id AND f.upload_id = $6 AND s.call_ref = $1 AND strpos(array_to_string(s.texts, E'\\n'), $2) > 0`,
          [callRef, raw, preview, inJson(raw), inJson(preview), uploadId],
        );
        await client.query(`UPDATE evidence SET text = replace(text, $2, $3) WHERE call_ref = $1`, [callRef, raw, preview]);
        await client.query(`UPDATE calls SET response_body = replace(response_body, $2, $3), uri = replace(uri, $2, $3) WHERE call_ref = $1`, [callRef, raw, preview]);
      }
    }
  }
}
