import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fingerprintSettings, type Environment } from "../config";

const KEY_BYTES = 32;

/**
 * The per-installation secret that keys credential fingerprints. A keyed hash
 * (not a plain one) means a leaked database cannot be matched against a list
 * of guessed tokens. The CLI and the app must call this same function so their
 * fingerprints group together.
 */
export function loadFingerprintKey({ fingerprintKey, home }: Pick<Environment, "fingerprintKey" | "home"> = fingerprintSettings()): Buffer {
  if (fingerprintKey !== undefined) return Buffer.from(fingerprintKey, "utf8");
  return readOrCreateKeyFile(keyFile(home));
}

/** Where loadFingerprintKey takes the key from, as a message to the user names it. */
export function fingerprintKeySource({ fingerprintKey, home }: Pick<Environment, "fingerprintKey" | "home">): string {
  return fingerprintKey !== undefined ? "the key in TRACELENS_FINGERPRINT_KEY" : `the key file ${keyFile(home)}`;
}

const keyFile = (home: string) => path.join(home, "fingerprint.key");

function readOrCreateKeyFile(file: string): Buffer {
  try {
    return readKey(file);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    // "wx": when two processes start at once, only one key is ever written.
    writeFileSync(file, randomBytes(KEY_BYTES), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if (!isAlreadyThere(error)) throw error;
  }
  return readKey(file);
}

function readKey(file: string): Buffer {
  const key = readFileSync(file);
  if (key.length === 0) throw new Error(`${file}: the fingerprint key file is empty; delete it to create a new one`);
  return key;
}

const isNotFound = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
const isAlreadyThere = (error: unknown) => (error as NodeJS.ErrnoException | null)?.code === "EEXIST";
