import crypto from "node:crypto";
import { Readable } from "node:stream";
import type pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectPool } from "../../lib/database";
import { ingestUpload, type UploadedFile } from "../../lib/ingest";
import { useTestDatabase } from "../support/test-database";

// `tracelens ingest` run again over the same files: a file whose size and bytes are stored is a duplicate known without reading it.
const database = useTestDatabase();
let pool: pg.Pool;
beforeAll(() => {
  pool = connectPool(database.url);
});
afterAll(() => pool.end());

const KEY = Buffer.from("known duplicate test");
const TRACE = Buffer.from('2026-11-21T10:00:00Z INFO [callId=known-1] Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"\n');
const sha256 = async () => crypto.createHash("sha256").update(TRACE).digest("hex");

/** A stream that fails the upload if anything reads it. */
const unreadable = () =>
  new Readable({
    read() {
      this.destroy(new Error("the file was read"));
    },
  });

it("knows a stored file by its size and hash, answers it as a duplicate, and never reads it", async () => {
  const first = await ingestUpload(pool, { source: "cli", files: [{ name: "gateway.log", stream: Readable.from([TRACE]) }] }, KEY);
  expect(first.callsAdded).toBe(1);

  const again: UploadedFile = { name: "gateway.log", stream: unreadable(), size: TRACE.length, sha256 };
  const result = await ingestUpload(pool, { source: "cli", files: [again] }, KEY);
  expect(result).toMatchObject({ uploadId: null, duplicateFiles: 1, callsAdded: 0, files: [{ name: "gateway.log", format: "text", lineCount: 1, byteCount: TRACE.length, duplicate: true }] });
});

it("reads a file of a stored size whose bytes differ, and hashes none whose size no stored file has", async () => {
  const other = Buffer.from(TRACE.toString().replace("known-1", "known-2"));
  const hashed: string[] = [];
  const file = (name: string, bytes: Buffer): UploadedFile => ({
    name,
    stream: Readable.from([bytes]),
    size: bytes.length,
    sha256: async () => (hashed.push(name), crypto.createHash("sha256").update(bytes).digest("hex")),
  });
  const result = await ingestUpload(pool, { source: "cli", files: [file("same-size.log", other), file("longer.log", Buffer.concat([other, Buffer.from("\n")]))] }, KEY);
  expect(result).toMatchObject({ callsAdded: 1, duplicateFiles: 0 });
  expect(hashed).toEqual(["same-size.log"]);
});
