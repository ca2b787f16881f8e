import type pg from "pg";
import { fingerprintOf, type CredentialMasker } from "../credentials";
import type { CallBatch } from "./call-batch";
import type { LearnedByCalls } from "./late-carried-values";

/** A value a call carried, as it is kept: never the value itself. */
export type ValueKey = { fingerprint: string; length: number };

/**
 * Hands `batch` the key of each value its calls carried (`learned`), stored
 * with their lines: enough to recognise the value in lines read later, once
 * the value itself is gone from memory.
 */
export function keepValueKeys(batch: CallBatch, learned: LearnedByCalls, mask: CredentialMasker): void {
  for (const [callRef, { values }] of learned) {
    // Through the masker: the readers masked most of these values already, and it remembers them.
    batch.keepValueKeys(callRef, values.map((value) => ({ fingerprint: mask(value).fingerprint, length: value.length })));
  }
}

/**
 * The values that `batch`'s lines of calls stored before (`storedBefore`)
 * echo, though the readers no longer knew them: carried in an earlier upload
 * of the call, or earlier in this one by a call the readers have since
 * forgotten. Found by their keys; raw, for masking, by call.
 */
export async function echoesOfKeptValues(client: pg.PoolClient, batch: CallBatch, storedBefore: readonly string[], key: Buffer): Promise<Map<string, string[]>> {
  const echoes = new Map<string, string[]>();
  if (storedBefore.length === 0) return echoes;
  for (const [callRef, keys] of await keptKeys(client, storedBefore)) {
    const found = new Set<string>();
    for (const line of batch.linesOf(callRef)) for (const value of valuesIn(line, keys, key)) found.add(value);
    if (found.size > 0) echoes.set(callRef, [...found]);
  }
  return echoes;
}

async function keptKeys(client: pg.PoolClient, callRefs: readonly string[]): Promise<Map<string, ValueKey[]>> {
  const { rows } = await client.query<{ call_ref: string; fingerprint: string; length: number }>(
    `SELECT DISTINCT s.call_ref, kept.fingerprint, kept.length
       FROM trace_segments s, unnest(s.value_fingerprints, s.value_lengths) AS kept(fingerprint, length)
      WHERE s.call_ref = ANY($1::text[])`,
    [callRefs],
  );
  const byCall = new Map<string, ValueKey[]>();
  for (const { call_ref, fingerprint, length } of rows) {
    const keys = byCall.get(call_ref) ?? [];
    keys.push({ fingerprint, length });
    byCall.set(call_ref, keys);
  }
  return byCall;
}

/**
 * The kept values `line` holds. A value is looked for where a word could
 * start and end (at the line's ends, or beside a character that is not a
 * letter or digit, or where the value itself starts or ends with one): a
 * keyed hash of every substring would cost a hash per character.
 */
export function* valuesIn(line: string, keys: readonly ValueKey[], key: Buffer): Generator<string> {
  const wanted = new Set(keys.map((kept) => kept.fingerprint));
  const lengths = [...new Set(keys.map((kept) => kept.length))];
  for (let start = 0; start < line.length; start++) {
    if (!edgeAt(line, start)) continue;
    for (const length of lengths) {
      const end = start + length;
      if (end > line.length || !edgeAt(line, end)) continue;
      const candidate = line.slice(start, end);
      if (wanted.has(fingerprintOf(candidate, key))) yield candidate;
    }
  }
}

/** Whether a word may start or end between `line[at - 1]` and `line[at]`. */
function edgeAt(line: string, at: number): boolean {
  return at === 0 || at === line.length || !isWordCharacter(line.charCodeAt(at - 1)) || !isWordCharacter(line.charCodeAt(at));
}

const isWordCharacter = (code: number) => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
