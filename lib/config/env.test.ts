import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvironmentError, fingerprintSettings, readEnvironment } from "./index";

/** The one-line message a bad environment fails with. */
function refusal(env: Record<string, string>): string {
  try {
    readEnvironment(env);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return (error as Error).message;
  }
  throw new Error("the environment was accepted");
}

describe("readEnvironment", () => {
  it("gives the defaults when nothing is set, and reads an empty value as unset", () => {
    for (const env of [{}, { DATABASE_URL: "", HOST: " ", PORT: "", TRACELENS_HOME: "", TRACELENS_FINGERPRINT_KEY: "", TRACELENS_MAX_UPLOAD_MB: "", TRACELENS_MAX_UPLOAD_FILES: "" }]) {
      const read = readEnvironment(env);
      expect({ ...read, dataDir: undefined }).toEqual({
        databaseUrl: undefined,
        dataDir: undefined,
        host: "127.0.0.1",
        port: 3000,
        home: path.join(os.homedir(), ".config", "tracelens"),
        fingerprintKey: undefined,
        uploadLimits: { maxBytes: 1024 * 1024 * 1024, maxFiles: 50 },
      });
    }
  });

  it("reads each variable that is set", () => {
    const read = readEnvironment({
      DATABASE_URL: "postgresql://user:pass@db.internal:5432/tracelens",
      TRACELENS_DATA_DIR: "/srv/tracelens",
      HOST: "0.0.0.0",
      PORT: "8080",
      TRACELENS_HOME: "/home/someone/.tl",
      TRACELENS_FINGERPRINT_KEY: "a secret",
      TRACELENS_MAX_UPLOAD_MB: "0.5",
      TRACELENS_MAX_UPLOAD_FILES: "3",
    });
    expect(read).toMatchObject({
      databaseUrl: "postgresql://user:pass@db.internal:5432/tracelens",
      dataDir: "/srv/tracelens",
      host: "0.0.0.0",
      port: 8080,
      home: "/home/someone/.tl",
      fingerprintKey: "a secret",
      uploadLimits: { maxBytes: 512 * 1024, maxFiles: 3 },
    });
  });

  it.each([
    [{ TRACELENS_MAX_UPLOAD_MB: "abc" }, 'TRACELENS_MAX_UPLOAD_MB: "abc" is not a number of megabytes above 0'],
    [{ TRACELENS_MAX_UPLOAD_MB: "-5" }, 'TRACELENS_MAX_UPLOAD_MB: "-5" is not a number of megabytes above 0'],
    [{ TRACELENS_MAX_UPLOAD_FILES: "2.5" }, 'TRACELENS_MAX_UPLOAD_FILES: "2.5" is not a whole number of files from 1 up'],
    [{ TRACELENS_MAX_UPLOAD_FILES: "0" }, 'TRACELENS_MAX_UPLOAD_FILES: "0" is not a whole number of files from 1 up'],
    [{ PORT: "http" }, 'PORT: "http" is not a port number from 1 to 65535'],
    [{ PORT: "70000" }, 'PORT: "70000" is not a port number from 1 to 65535'],
    [{ PORT: "0", TRACELENS_MAX_UPLOAD_MB: "lots" }, 'PORT: "0" is not a port number from 1 to 65535; TRACELENS_MAX_UPLOAD_MB: "lots" is not a number of megabytes above 0'],
  ])("refuses %o in one line naming the variable and the value", (env, message) => {
    expect(refusal(env)).toBe(message);
  });

  it("refuses a DATABASE_URL that is not PostgreSQL's without repeating it (it may hold a password)", () => {
    for (const url of ["mysql://user:hunter2@db/tracelens", "not a url hunter2"]) {
      const message = refusal({ DATABASE_URL: url });
      expect(message).toMatch(/^DATABASE_URL: not a postgresql:\/\/user:password@host:port\/database URL/);
      expect(message).not.toContain("hunter2");
      expect(message).not.toContain("\n");
    }
  });
});

describe("numbers written otherwise than in decimal digits", () => {
  it.each([
    [{ PORT: "0x10" }, 'PORT: "0x10" is not a port number from 1 to 65535'],
    [{ TRACELENS_MAX_UPLOAD_MB: "1e-9" }, 'TRACELENS_MAX_UPLOAD_MB: "1e-9" is not a number of megabytes above 0'],
    [{ TRACELENS_MAX_UPLOAD_MB: "0.0000001" }, 'TRACELENS_MAX_UPLOAD_MB: "0.0000001" is not a number of megabytes above 0'],
    [{ TRACELENS_MAX_UPLOAD_FILES: "2.5" }, 'TRACELENS_MAX_UPLOAD_FILES: "2.5" is not a whole number of files from 1 up'],
  ])("are refused rather than read as something else (%o)", (env, message) => {
    expect(refusal(env)).toBe(message);
  });
});

describe("fingerprintSettings", () => {
  it("reads only where the fingerprint key comes from, so variables classify never uses cannot stop it", () => {
    expect(fingerprintSettings({ PORT: "abc", DATABASE_URL: "mysql://x", TRACELENS_FINGERPRINT_KEY: "k", TRACELENS_HOME: "/h" })).toEqual({ fingerprintKey: "k", home: "/h" });
  });
});

