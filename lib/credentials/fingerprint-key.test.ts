import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { readEnvironment } from "../config";
import { loadFingerprintKey } from "./fingerprint-key";

/** A home folder of the test's own, removed when the test finishes. */
function freshHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), "tracelens-home-"));
  onTestFinished(() => rmSync(home, { recursive: true, force: true }));
  return home;
}

/** The key these environment variables give. */
const keyFor = (env: Record<string, string>) => loadFingerprintKey(readEnvironment(env));

describe("loadFingerprintKey", () => {
  it("takes TRACELENS_FINGERPRINT_KEY when set", () => {
    expect(keyFor({ TRACELENS_FINGERPRINT_KEY: "from the environment", TRACELENS_HOME: freshHome() }).toString()).toBe("from the environment");
  });

  it("creates a 32-byte key readable by its owner only, once, under TRACELENS_HOME", () => {
    const home = freshHome();
    const first = keyFor({ TRACELENS_HOME: home });
    const file = path.join(home, "fingerprint.key");
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(keyFor({ TRACELENS_HOME: home }).equals(first)).toBe(true);
  });

  it("reads an empty TRACELENS_FINGERPRINT_KEY as unset: the key file", () => {
    const home = freshHome();
    const key = keyFor({ TRACELENS_FINGERPRINT_KEY: "", TRACELENS_HOME: home });
    expect(key).toHaveLength(32);
    expect(readFileSync(path.join(home, "fingerprint.key")).equals(key)).toBe(true);
  });

  it("gives two installations different keys", () => {
    expect(keyFor({ TRACELENS_HOME: freshHome() }).equals(keyFor({ TRACELENS_HOME: freshHome() }))).toBe(false);
  });
});
