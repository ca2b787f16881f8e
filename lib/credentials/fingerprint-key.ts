import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const KEY_BYTES = 32;

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The per-installation secret that keys credential fingerprints. A keyed hash
 * (not a plain one) means a leaked database cannot be matched against a list
 * of guessed tokens. The CLI and the app must call this same function so their
 * fingerprints group together.
 */
export function loadFingerprintKey(env: Environment = process.env): Buffer {
  const fromEnvironment = env.TRACELENS_FINGERPRINT_KEY;
  if (fromEnvironment !== undefined && fromEnvironment !== "") return Buffer.from(fromEnvironment, "utf8");
  return readOrCreateKeyFile(path.join(tracelensHome(env), "fingerprint.key"));
}

function tracelensHome(env: Environment): string {
  const home = env.TRACELENS_HOME;
  return home !== undefined && home !== "" ? home : path.join(os.homedir(), ".config", "tracelens");
}

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
