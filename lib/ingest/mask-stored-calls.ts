import type pg from "pg";
import type { CredentialMasker } from "../credentials";
import { CarriedValues, replaceEach } from "../trace-reading";

/** How much stored text is read at a time: a segment holds at most a batch's 16 MiB. */
const BYTES_PER_READ = 16 * 1024 * 1024;

/**
 * Masks each call's values wherever its rows are stored: trace lines and
 * their facts (of every upload), evidence, the call's own fields. Rows are
 * read and masked here, and written back only when masking changed them:
 * each text is searched for all of its call's values at once, by their
 * first characters (CarriedValues). An UPDATE per value, as this was
 * before, searched a call's whole text once a value, and a call that
 * carried thousands held its upload (and every upload waiting on the merge
 * lock) for minutes.
 */
export async function maskInStoredCalls(client: pg.PoolClient, values: Map<string, string[]>, mask: CredentialMasker): Promise<void> {
  if (values.size === 0) return;
  const masking = new StoredMasking(values, mask);
  const callRefs = [...values.keys()];
  await maskSegments(client, callRefs, masking);
  await maskEvidence(client, callRefs, masking);
  await maskCallFields(client, callRefs, masking);
}

type FoundValues = { plain: CarriedValues; json: CarriedValues };

/** Each call's values, found in its text as written and in JSON (facts and unknown fields), each replaced by its preview. */
class StoredMasking {
  private readonly byCall = new Map<string, FoundValues>();
  /** Each value's preview, as written and as JSON writes it. */
  private readonly previews = { plain: new Map<string, string>(), json: new Map<string, string>() };

  constructor(
    values: Map<string, string[]>,
    private readonly mask: CredentialMasker,
  ) {
    for (const [callRef, raws] of values) {
      const found = { plain: new CarriedValues(), json: new CarriedValues() };
      for (const raw of raws) this.learn(found, raw);
      this.byCall.set(callRef, found);
    }
  }

  text(callRef: string, text: string): string {
    const found = this.byCall.get(callRef);
    return found ? replaced(text, found.plain, this.previews.plain) : text;
  }

  /** In JSON text, where a value is written escaped (`\"`, `\n`). */
  json(callRef: string, text: string): string {
    const found = this.byCall.get(callRef);
    return found ? replaced(text, found.json, this.previews.json) : text;
  }

  private learn(found: FoundValues, raw: string): void {
    if (found.plain.has(raw)) return;
    const preview = this.mask(raw).preview;
    found.plain.add(raw);
    this.previews.plain.set(raw, preview);
    const inJson = inJsonText(raw);
    found.json.add(inJson);
    this.previews.json.set(inJson, inJsonText(preview));
  }
}

const inJsonText = (text: string) => JSON.stringify(text).slice(1, -1);

/** Each value found, in the order the call carried them (a whole value before its parts), replaced by its preview wherever it stands. */
function replaced(text: string, values: CarriedValues, previews: Map<string, string>): string {
  return replaceEach(text, values.foundIn(text), (raw) => previews.get(raw) ?? "");
}

type SegmentKey = { call_ref: string; file_id: string; first_seq: number };

/** The calls' trace segments, a bounded number of bytes at a time, each written back when masking changed it. */
async function maskSegments(client: pg.PoolClient, callRefs: string[], masking: StoredMasking): Promise<void> {
  const { rows: sizes } = await client.query<SegmentKey & { bytes: number }>(
    `SELECT call_ref, file_id, first_seq, octet_length(array_to_string(texts, '')) + coalesce(octet_length(facts::text), 0) AS bytes
       FROM trace_segments WHERE call_ref = ANY($1::text[])`,
    [callRefs],
  );
  for (const keys of inReadsOf(sizes)) {
    const { rows } = await client.query<SegmentKey & { texts: string[]; facts: string | null }>(
      `SELECT s.call_ref, s.file_id, s.first_seq, s.texts, s.facts::text AS facts
         FROM trace_segments s JOIN unnest($1::text[], $2::uuid[], $3::int[]) AS k(call_ref, file_id, first_seq)
           ON s.call_ref = k.call_ref AND s.file_id = k.file_id AND s.first_seq = k.first_seq`,
      [keys.map((key) => key.call_ref), keys.map((key) => key.file_id), keys.map((key) => key.first_seq)],
    );
    for (const row of rows) {
      const texts = row.texts.map((text) => masking.text(row.call_ref, text));
      const facts = row.facts === null ? null : masking.json(row.call_ref, row.facts);
      if (facts === row.facts && texts.every((text, index) => text === row.texts[index])) continue;
      await client.query(`UPDATE trace_segments SET texts = $4::text[], facts = $5::json WHERE call_ref = $1 AND file_id = $2 AND first_seq = $3`, [
        row.call_ref,
        row.file_id,
        row.first_seq,
        texts,
        facts,
      ]);
    }
  }
}

/** The segments' keys, cut into reads of at most BYTES_PER_READ (a larger segment alone). */
function* inReadsOf(sizes: Array<SegmentKey & { bytes: number }>): Generator<SegmentKey[]> {
  let read: SegmentKey[] = [];
  let bytes = 0;
  for (const { bytes: size, ...key } of sizes) {
    if (read.length > 0 && bytes + size > BYTES_PER_READ) {
      yield read;
      [read, bytes] = [[], 0];
    }
    read.push(key);
    bytes += size;
  }
  if (read.length > 0) yield read;
}

async function maskEvidence(client: pg.PoolClient, callRefs: string[], masking: StoredMasking): Promise<void> {
  const { rows } = await client.query<{ call_ref: string; role: string; text: string }>(`SELECT call_ref, role::text, text FROM evidence WHERE call_ref = ANY($1::text[])`, [
    callRefs,
  ]);
  for (const row of rows) {
    const text = masking.text(row.call_ref, row.text);
    if (text !== row.text) await client.query(`UPDATE evidence SET text = $3 WHERE call_ref = $1 AND role = $2::"EvidenceRole"`, [row.call_ref, row.role, text]);
  }
}

async function maskCallFields(client: pg.PoolClient, callRefs: string[], masking: StoredMasking): Promise<void> {
  const { rows } = await client.query<{ call_ref: string; uri: string | null; response_body: string | null; extra_fields: string }>(
    `SELECT call_ref, uri, response_body, extra_fields::text AS extra_fields FROM calls WHERE call_ref = ANY($1::text[])`,
    [callRefs],
  );
  for (const row of rows) {
    const uri = row.uri === null ? null : masking.text(row.call_ref, row.uri);
    const body = row.response_body === null ? null : masking.text(row.call_ref, row.response_body);
    const extra = masking.json(row.call_ref, row.extra_fields);
    if (uri === row.uri && body === row.response_body && extra === row.extra_fields) continue;
    await client.query(`UPDATE calls SET uri = $2, response_body = $3, extra_fields = $4::jsonb WHERE call_ref = $1`, [row.call_ref, uri, body, extra]);
  }
}
