import { randomBytes, scrypt } from "node:crypto";
import { z } from "zod";
import { fingerprintSettings, type Environment } from "../config";
import { fingerprintKeySource, loadFingerprintKey } from "./fingerprint-key";

/**
 * What runs a query: a pg pool, client or pool client. Described here rather
 * than imported from pg, so that `classify`'s bundle, which imports this
 * folder, never loads pg.
 */
type Queryable = { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** The key given is not the one the database's fingerprints were made with: its message is one line saying what to do. */
export class FingerprintKeyMismatchError extends Error {}

type RecordedCheck = { salt: Buffer; check: Buffer };

/**
 * The fingerprint key, once the database agrees that its credential
 * fingerprints were made with it: with another key, one credential would get
 * two fingerprints there, and its calls would be counted apart without a
 * word. A database that records no key yet (a fresh one, or one filled
 * before it kept a record) takes this one. Throws FingerprintKeyMismatchError
 * when the database recorded another.
 */
export async function fingerprintKeyFor(db: Queryable, settings: Pick<Environment, "fingerprintKey" | "home"> = fingerprintSettings()): Promise<Buffer> {
  const key = loadFingerprintKey(settings);
  // Checked once per database handle and key: the check's scrypt takes tens of milliseconds, and every upload and look-up asks.
  if (verified.get(db)?.equals(key) === true) return key;
  const recorded = (await readCheck(db)) ?? (await recordCheck(db, key));
  if (!(await checkValue(key, recorded.salt)).equals(recorded.check)) {
    throw new FingerprintKeyMismatchError(
      `${fingerprintKeySource(settings)} is not the fingerprint key this database was filled with: ` +
        "use that key (set TRACELENS_FINGERPRINT_KEY to it, or TRACELENS_HOME to the folder of its fingerprint.key), " +
        "or one credential would get two fingerprints",
    );
  }
  verified.set(db, key);
  return key;
}

/** The key last found to be the database's, by database handle (a pool lives as long as its process). */
const verified = new WeakMap<Queryable, Buffer>();

async function readCheck(db: Queryable): Promise<RecordedCheck | null> {
  const { rows } = await db.query(`SELECT salt, check_value FROM fingerprint_key_check`);
  return rows.length === 0 ? null : asCheck(rows[0]);
}

/**
 * Records this key's check, unless another process recorded its own since
 * the read: of two first uses at once, one key is recorded, and the other
 * gets that one back and is refused if its key differs. (DO UPDATE, not DO
 * NOTHING: it returns the row that won, which this statement's snapshot
 * would not show; it sets nothing new.)
 */
async function recordCheck(db: Queryable, key: Buffer): Promise<RecordedCheck> {
  const salt = randomBytes(16);
  const { rows } = await db.query(
    `INSERT INTO fingerprint_key_check (salt, check_value) VALUES ($1, $2)
     ON CONFLICT (id) DO UPDATE SET salt = fingerprint_key_check.salt
     RETURNING salt, check_value`,
    [salt.toString("hex"), (await checkValue(key, salt)).toString("hex")],
  );
  return asCheck(rows[0]);
}

const checkRow = z.object({ salt: z.string(), check_value: z.string() });

function asCheck(row: unknown): RecordedCheck {
  const { salt, check_value } = checkRow.parse(row);
  return { salt: Buffer.from(salt, "hex"), check: Buffer.from(check_value, "hex") };
}

/**
 * Derived with scrypt, not a plain HMAC: a key given in
 * TRACELENS_FINGERPRINT_KEY may be a guessable phrase, and a fast check value
 * in a leaked database would let it be guessed offline, and then the tokens
 * behind the fingerprints. The random salt keeps two databases with one key
 * from showing it.
 */
function checkValue(key: Buffer, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(key, salt, 32, (error, derived) => (error ? reject(error) : resolve(derived))));
}
