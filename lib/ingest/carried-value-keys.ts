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
 * forgotten. Found by their keys; raw, for masking, by call. A value the
 * call carried again in this batch (`learned`: an upload of the same calls
 * again) is masked by its raw value instead, and not looked for here.
 */
export async function echoesOfKeptValues(
  client: pg.PoolClient,
  batch: CallBatch,
  storedBefore: readonly string[],
  learned: LearnedByCalls,
  { mask, key }: { mask: CredentialMasker; key: Buffer },
): Promise<Map<string, string[]>> {
  const echoes = new Map<string, string[]>();
  if (storedBefore.length === 0) return echoes;
  const fingerprint = rememberedFingerprints(key);
  for (const [callRef, kept] of await keptKeys(client, storedBefore)) {
    const known = new Set(learned.get(callRef)?.values.map((value) => mask(value).fingerprint));
    const keys = kept.filter((valueKey) => !known.has(valueKey.fingerprint));
    if (keys.length === 0) continue;
    const found = new Set<string>();
    for (const line of batch.linesOf(callRef)) for (const value of valuesIn(line, keys, fingerprint)) found.add(value);
    if (found.size > 0) echoes.set(callRef, [...found]);
  }
  return echoes;
}

/** Lines repeat their words (names, paths, the same message): each is hashed once per batch. */
function rememberedFingerprints(key: Buffer): (candidate: string) => string {
  const known = new Map<string, string>();
  return (candidate) => {
    let fingerprint = known.get(candidate);
    if (fingerprint === undefined) {
      fingerprint = fingerprintOf(candidate, key);
      known.set(candidate, fingerprint);
    }
    return fingerprint;
  };
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
 * start and end (at the line's ends, beside a character that is not a
 * letter or digit, after an escape such as `\n` or `%2F`, or where the
 * value itself starts or ends with one), and never across a space or tab
 * (a value with one in it, `Bearer X`, is kept in its parts too): a keyed
 * hash of every substring would cost a hash per character.
 */
export function* valuesIn(line: string, keys: readonly ValueKey[], fingerprint: (candidate: string) => string): Generator<string> {
  const wanted = new Set(keys.map((kept) => kept.fingerprint));
  const lengths = [...new Set(keys.map((kept) => kept.length))];
  // Found again only once passed: one scan of the line, however long and however few its blanks.
  let wordEnd = -1;
  for (let start = 0; start < line.length; start++) {
    if (start > wordEnd) wordEnd = nextBlank(line, start);
    if (!edgeAt(line, start)) continue;
    for (const length of lengths) {
      const end = start + length;
      if (end > wordEnd || !edgeAt(line, end)) continue;
      const candidate = line.slice(start, end);
      if (wanted.has(fingerprint(candidate))) yield candidate;
    }
  }
}

/** Where the first space or tab from `start` on is, or the line's end. */
function nextBlank(line: string, start: number): number {
  const [space, tab] = [line.indexOf(" ", start), line.indexOf("\t", start)];
  return Math.min(space < 0 ? line.length : space, tab < 0 ? line.length : tab);
}

/** Whether a word may start or end between `line[at - 1]` and `line[at]`. */
function edgeAt(line: string, at: number): boolean {
  if (at === 0 || at === line.length) return true;
  return !isWordCharacter(line.charCodeAt(at - 1)) || !isWordCharacter(line.charCodeAt(at)) || escapedBefore(line, at);
}

const BACKSLASH = 0x5c;
const PERCENT = 0x25;

/** An escape just before `at`: `\n`, `\t` or `\u00e9` (JSON and quoted text), `%2F` (URIs). */
function escapedBefore(line: string, at: number): boolean {
  const unicode = line.charCodeAt(at - 6) === BACKSLASH && (line.charCodeAt(at - 5) | 0x20) === 0x75;
  return line.charCodeAt(at - 2) === BACKSLASH || unicode || line.charCodeAt(at - 3) === PERCENT;
}

const isWordCharacter = (code: number) => (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
