import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadFingerprintKey } from "./fingerprint-key";

/** A home folder of the test's own, removed when the test finishes. */
function freshHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), "tracelens-home-"));
  onTestFinished(() => rmSync(home, { recursive: true, force: true }));
  return home;
}

describe("loadFingerprintKey", () => {
  it("takes TRACELENS_FINGERPRINT_KEY when set", () => {
    expect(loadFingerprintKey({ TRACELENS_FINGERPRINT_KEY: "from the environment", TRACELENS_HOME: freshHome() }).toString()).toBe("from the environment");
  });

  it("creates a 32-byte key readable by its owner only, once, under TRACELENS_HOME", () => {
    const home = freshHome();
    const first = loadFingerprintKey({ TRACELENS_HOME: home });
    const file = path.join(home, "fingerprint.key");
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).equals(first)).toBe(true);
    expect(loadFingerprintKey({ TRACELENS_HOME: home }).equals(first)).toBe(true);
  });

  it("gives two installations different keys", () => {
    expect(loadFingerprintKey({ TRACELENS_HOME: freshHome() }).equals(loadFingerprintKey({ TRACELENS_HOME: freshHome() }))).toBe(false);
  });
});
