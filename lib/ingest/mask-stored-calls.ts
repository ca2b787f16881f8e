import type pg from "pg";
import type { CredentialMasker } from "../credentials";

/** Each value, with its preview, also as a JSON string writes it (facts and unknown fields are JSON). */
const VALUES_TO_MASK = `unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS carried(call_ref, raw, preview, raw_in_json, preview_in_json)`;

// By call reference through each table's primary key (call_ref comes first).
const MASK_IN_STORED_CALLS = [
  `UPDATE trace_segments s
      SET texts = ARRAY(SELECT replace(t.text, carried.raw, carried.preview) FROM unnest(s.texts) WITH ORDINALITY AS t(text, i) ORDER BY t.i),
          facts = replace(s.facts::text, carried.raw_in_json, carried.preview_in_json)::json
     FROM ${VALUES_TO_MASK}
    WHERE s.call_ref = ANY($1::text[]) AND s.call_ref = carried.call_ref
      AND (strpos(array_to_string(s.texts, E'\\n'), carried.raw) > 0 OR strpos(s.facts::text, carried.raw_in_json) > 0)`,
  `UPDATE evidence e
      SET text = replace(e.text, carried.raw, carried.preview)
     FROM ${VALUES_TO_MASK}
    WHERE e.call_ref = ANY($1::text[]) AND e.call_ref = carried.call_ref AND strpos(e.text, carried.raw) > 0`,
  `UPDATE calls c
      SET uri = replace(c.uri, carried.raw, carried.preview), response_body = replace(c.response_body, carried.raw, carried.preview),
          extra_fields = replace(c.extra_fields::text, carried.raw_in_json, carried.preview_in_json)::jsonb
     FROM ${VALUES_TO_MASK}
    WHERE c.call_ref = ANY($1::text[]) AND c.call_ref = carried.call_ref
      AND (strpos(c.uri, carried.raw) > 0 OR strpos(c.response_body, carried.raw) > 0 OR strpos(c.extra_fields::text, carried.raw_in_json) > 0)`,
];

/**
 * Masks each call's values wherever its rows are stored: trace lines and
 * their facts (of every upload), evidence, the call's own fields. An UPDATE
 * applies one joined value to a row, so the values go in rounds: every
 * call's first value (a whole value before its parts, as the scrubber
 * learned them), then every call's second, and so on.
 */
export async function maskInStoredCalls(client: pg.PoolClient, values: Map<string, string[]>, mask: CredentialMasker): Promise<void> {
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
