import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { expect, it } from "vitest";
import { readEnvironment } from "../../lib/config";
import { loadFingerprintKey } from "../../lib/credentials";
import { connectPool } from "../../lib/database";
import { EmptyUploadError, ingestUpload } from "../../lib/ingest";
import { SAMPLE_NAMES, samplesDir } from "../support/samples";
import { createTestDatabase, useTestDatabase, withClient, type TestDatabase } from "../support/test-database";

// Settling calls in batches keeps memory bounded; it must not change a single verdict.
const key = loadFingerprintKey(readEnvironment({ ...process.env, TRACELENS_FINGERPRINT_KEY: "batches-test" }));
const whole = useTestDatabase();
const batched = useTestDatabase();

/** Small chunks: batches settle between chunks, so several settle inside each file. */
function chunked(bytes: Buffer): Readable {
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += 64) chunks.push(bytes.subarray(start, start + 64));
  return Readable.from(chunks);
}

const files = () => SAMPLE_NAMES.map((name) => ({ name, stream: chunked(fs.readFileSync(path.join(samplesDir, name))) }));

async function ingest(database: TestDatabase, callsPerBatch?: number) {
  const pool = connectPool(database.url);
  try {
    return await ingestUpload(pool, { source: "cli", files: files(), callsPerBatch }, key);
  } finally {
    await pool.end();
  }
}

const snapshot = (database: TestDatabase) =>
  withClient(database.url, async (client) => ({
    calls: (await client.query(`SELECT call_ref, status, rejected, cause, credential_name, interceptor, trace_line_count, time FROM calls ORDER BY call_ref`)).rows,
    evidence: (await client.query(`SELECT call_ref, role, file, line, text FROM evidence ORDER BY call_ref, role`)).rows,
    credentials: (await client.query(`SELECT call_ref, location, name, preview FROM carried_credentials ORDER BY call_ref, name`)).rows,
    lines: (await client.query(`SELECT sum(cardinality(seqs))::int AS n FROM trace_segments`)).rows[0].n,
  }));

it("gives the same calls, verdicts, evidence and counts with batches of 2 calls as in one batch", async () => {
  const [one, many] = await Promise.all([ingest(whole), ingest(batched, 2)]);
  expect({ ...many, uploadId: null }).toEqual({ ...one, uploadId: null });
  expect(one).toMatchObject({ callsAdded: 10, callsUpdated: 0 });
  const [a, b] = await Promise.all([snapshot(whole), snapshot(batched)]);
  expect(b).toEqual(a);
  expect(a.calls).toHaveLength(10);
  expect(a.evidence.length).toBeGreaterThan(9);
});

it("counts a call spread over batches of one upload once", async () => {
  const lines = Array.from({ length: 6 }, (_, index) => `2026-11-21T10:00:0${index}Z INFO [callId=spread-${index % 2}] step ${index}`);
  lines.push('2026-11-21T10:00:09Z INFO [callId=spread-0] Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid."');
  const pool = connectPool(batched.url);
  try {
    const result = await ingestUpload(pool, { source: "cli", files: [{ name: "spread.log", stream: chunked(Buffer.from(lines.join("\n"))) }], callsPerBatch: 1 }, key);
    expect(result).toMatchObject({ callsAdded: 2, callsUpdated: 0, rejectionsByCause: { invalid_unspecified: 1 } });
  } finally {
    await pool.end();
  }
  const rows = await withClient(batched.url, (client) => client.query(`SELECT call_ref, trace_line_count FROM calls WHERE call_ref LIKE 'spread-%' ORDER BY 1`));
  expect(rows.rows).toEqual([
    { call_ref: "spread-0", trace_line_count: 4 },
    { call_ref: "spread-1", trace_line_count: 3 },
  ]);
});


it("stores nothing, and leaves the connection usable, when writing a batch fails while the next is read", async () => {
  await inFreshDatabase(async (pool) => {
    // PostgreSQL refuses one call while later batches are still being read.
    await pool.query(`
      CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.call_ref = 'poison' THEN RAISE EXCEPTION 'refused %', NEW.call_ref; END IF; RETURN NEW; END $$;
      CREATE TRIGGER refuse_poison BEFORE INSERT ON calls FOR EACH ROW EXECUTE FUNCTION refuse_poison();`);
    const lines = ["poison", ...Array.from({ length: 40 }, (_, index) => `after-${index}`)].map(
      (callId, index) => `2026-11-21T10:00:${String(index % 60).padStart(2, "0")}Z INFO [callId=${callId}] step`,
    );
    const upload = ingestUpload(pool, { source: "cli", files: [{ name: "poison.log", stream: chunked(Buffer.from(lines.join("\n"))) }], callsPerBatch: 1 }, key);
    await expect(upload).rejects.toThrow(/refused poison/);
    const counts = await pool.query(`SELECT (SELECT count(*) FROM calls)::int AS calls, (SELECT count(*) FROM trace_segments)::int AS segments, (SELECT count(*) FROM uploads)::int AS uploads`);
    expect(counts.rows[0]).toEqual({ calls: 0, segments: 0, uploads: 0 });
  });
});

it("stores a batch of new rejected calls whose evidence outgrows their call rows in the COPY buffers", async () => {
  await inFreshDatabase(async (pool) => {
    // Each call's evidence (two rows quoting a 1 kB line) fills its buffer before the call rows fill theirs.
    const body = `Access Token in the request, identified by HEADER access_token, is invalid. ${"x".repeat(1000)}`;
    const lines = Array.from({ length: 3500 }, (_, index) => `2026-11-21T10:00:00Z INFO [callId=big-${index}] Response: 401 body="${body}"`);
    const result = await ingestUpload(pool, { source: "cli", files: [{ name: "big.log", stream: Readable.from([Buffer.from(lines.join("\n"))]) }] }, key);
    expect(result).toMatchObject({ callsAdded: 3500, rejectionsByCause: { invalid_unspecified: 3500 } });
  });
});

it("writes a call with more text than a batch holds in several segments, and reads its trace back whole", async () => {
  await inFreshDatabase(async (pool) => {
    const lines = Array.from({ length: 400 }, (_, index) => `2026-11-21T10:00:00.${String(index).padStart(3, "0")}Z INFO [callId=long-1] step ${index} ${"y".repeat(40)}`);
    const file = { name: "long.log", stream: chunked(Buffer.from(lines.join("\n"))) };
    await ingestUpload(pool, { source: "cli", files: [file], textPerBatch: 4000 }, key);
    const segments = await pool.query(`SELECT count(*)::int AS n FROM trace_segments WHERE call_ref = 'long-1'`);
    expect(segments.rows[0].n).toBeGreaterThan(2);
    const trace = await pool.query(`SELECT t.text FROM trace_segments s, unnest(s.seqs, s.texts) AS t(seq, text) WHERE s.call_ref = 'long-1' ORDER BY t.seq`);
    expect(trace.rows.map((row) => row.text)).toEqual(lines);
    const call = await pool.query(`SELECT trace_line_count FROM calls WHERE call_ref = 'long-1'`);
    expect(call.rows).toEqual([{ trace_line_count: 400 }]);
  });
});

it("reports a file's read error (name and line) while an earlier batch is still being written, and stores nothing", async () => {
  await inFreshDatabase(async (pool) => {
    // Slow writes: the reader reaches the bad line while a batch is in flight.
    await pool.query(`
      CREATE FUNCTION slow_down() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_sleep(0.05); RETURN NULL; END $$;
      CREATE TRIGGER slow_down AFTER INSERT ON calls FOR EACH STATEMENT EXECUTE FUNCTION slow_down();`);
    const records = Array.from({ length: 30 }, (_, index) => JSON.stringify({ callId: `late-${index}`, timestamp: "2026-11-21T10:00:00Z", status: 200 }));
    const content = `${records.join("\n")}\n{"callId": "late-bad", \n`;
    const upload = ingestUpload(pool, { source: "cli", files: [{ name: "late.ndjson", stream: chunked(Buffer.from(content)) }], callsPerBatch: 1 }, key);
    await expect(upload).rejects.toThrow(/late\.ndjson.*line 31/);
    const counts = await pool.query(`SELECT (SELECT count(*) FROM calls)::int AS calls, (SELECT count(*) FROM trace_segments)::int AS segments, (SELECT count(*) FROM uploads)::int AS uploads`);
    expect(counts.rows[0]).toEqual({ calls: 0, segments: 0, uploads: 0 });
  });
});

/** Runs `test` on a database of its own (these tests change its schema or need it empty), then drops it. */
async function inFreshDatabase(test: (pool: ReturnType<typeof connectPool>) => Promise<void>): Promise<void> {
  const database = await createTestDatabase();
  const pool = connectPool(database.url);
  try {
    await test(pool);
  } finally {
    await pool.end();
    await database.drop();
  }
}

it("counts a call's rejection once, by its final cause, when a later batch changes that cause", async () => {
  await inFreshDatabase(async (pool) => {
    const lines = [
      '2026-11-21T10:00:00Z INFO [callId=changes] Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid. Check docs.sensedia.com"',
      ...Array.from({ length: 200 }, (_, index) => `2026-11-21T10:00:01Z INFO [callId=filler-${index}] step`),
      "2026-11-21T10:00:02Z WARN [callId=changes] Access Token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
    ];
    const result = await ingestUpload(pool, { source: "cli", files: [{ name: "changes.log", stream: chunked(Buffer.from(lines.join("\n"))) }], callsPerBatch: 1 }, key);
    expect(result).toMatchObject({ callsAdded: 201, callsUpdated: 0, rejectionsByCause: { invalid_expired_revoked: 1 } });
    expect(Object.keys(result.rejectionsByCause)).toEqual(["invalid_expired_revoked"]);
    const segments = await pool.query(`SELECT count(*)::int AS n FROM trace_segments WHERE call_ref = 'changes'`);
    expect(segments.rows[0].n).toBe(2);
  });
});

it("gives a call with several responses the same status, cause and counts however its lines fall into batches and files", async () => {
  const filler = (file: string) => Array.from({ length: 300 }, (_, index) => `2026-11-21T10:00:04Z INFO [callId=${file}-filler-${index}] step`);
  const one = ['2026-11-21T10:00:00Z INFO [callId=multi] Response: 500 body="first"', ...filler("one"), "2026-11-21T10:00:05Z INFO [callId=multi] Response: 401"];
  const two = ['2026-11-21T10:00:03Z INFO [callId=multi] Response: 200 body="middle"', ...filler("two"), "2026-11-21T10:00:06Z INFO [callId=multi] step"];
  const outcomes = new Set<string>();
  // File ids are random, and the order of segments follows them: several rounds meet both orders.
  for (const callsPerBatch of [undefined, 1, 1, 1, 1]) {
    await inFreshDatabase(async (pool) => {
      const files = [
        { name: "one.log", stream: chunked(Buffer.from(one.join("\n"))) },
        { name: "two.log", stream: chunked(Buffer.from(two.join("\n"))) },
      ];
      const result = await ingestUpload(pool, { source: "cli", files, callsPerBatch }, key);
      const call = await pool.query(`SELECT status, cause::text AS cause, response_body FROM calls WHERE call_ref = 'multi'`);
      outcomes.add(JSON.stringify({ call: call.rows[0], rejections: result.rejectionsByCause }));
    });
  }
  expect([...outcomes]).toEqual([JSON.stringify({ call: { status: 401, cause: "unknown", response_body: "middle" }, rejections: { unknown: 1 } })]);
});

it("refuses an upload with no file, and stores nothing of it", async () => {
  const empty = await createTestDatabase();
  const pool = connectPool(empty.url);
  try {
    await expect(ingestUpload(pool, { source: "http", files: [] }, key)).rejects.toThrow(EmptyUploadError);
    expect((await pool.query(`SELECT count(*)::int AS n FROM uploads`)).rows[0].n).toBe(0);
  } finally {
    await pool.end();
    await empty.drop();
  }
});
