import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { connectPool } from "../../lib/database";
import { readCall } from "../../lib/explorer";
import { ingestUpload } from "../../lib/ingest";
import { useTestDatabase } from "../support/test-database";

// A token store down explains a burst of refused tokens better than the tokens do: the call page says so.
const database = useTestDatabase();

const refused = (id: string, time: string) =>
  [
    `2026-11-25T${time}.000Z INFO [callId=${id}] Request: GET /cards/v1/limits api="Cards" app="Wallet"`,
    `2026-11-25T${time}.001Z DEBUG [callId=${id}] Request header access_token: "T0kenOf${id}xxxxxxxxxx"`,
    `2026-11-25T${time}.002Z WARN [callId=${id}] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call`,
  ].join("\n");

const STORE_DOWN = "2026-11-25T08:30:00.000Z ERROR Token store tokens-db unreachable, retrying";
const node1 = [
  "2026-11-25T08:20:00.000Z ERROR Token store tokens-db unreachable, retrying (an outage ten minutes before: over)",
  // Logged twice within the millisecond (two retries): listed once, or the two would take two of the five places.
  STORE_DOWN,
  STORE_DOWN,
  "2026-11-25T08:30:10.000Z INFO Gateway node gw-1 reloaded 3 APIs",
  refused("burst-1", "08:30:21"),
  refused("burst-2", "08:30:22"),
  "2026-11-25T08:40:00.000Z INFO [callId=calm-1] Request: GET /cards/v1/limits",
  '2026-11-25T08:40:00.100Z INFO [callId=calm-1] Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"',
  "",
].join("\n");
// The same line again, in another node's file of a second upload (logs shipped twice): one event.
const node2 = [STORE_DOWN, "2026-11-25T08:30:30.000Z WARN Token store tokens-db slow (900 ms)", ""].join("\n");

beforeAll(async () => {
  const pool = connectPool(database.url);
  try {
    for (const [name, text] of [["node-1.log", node1], ["node-2.log", node2]] as const) {
      await ingestUpload(pool, { source: "cli", files: [{ name, stream: Readable.from([Buffer.from(text)]) }] }, Buffer.from("events near a call"));
    }
  } finally {
    await pool.end();
  }
});

describe("the gateway's trouble around a rejected call", () => {
  it("lists the warnings and errors of the five minutes before and the minute after, nearest first, each once", async () => {
    const call = await readCall(database.db, "burst-1");
    expect(call?.gatewayTrouble.map(({ text, secondsBefore, level }) => ({ text, secondsBefore, level }))).toEqual([
      { text: "2026-11-25T08:30:30.000Z WARN Token store tokens-db slow (900 ms)", secondsBefore: -9, level: "WARN" },
      { text: STORE_DOWN, secondsBefore: 21, level: "ERROR" },
    ]);
  });

  it("says nothing of them beside a rejection far from any", async () => {
    expect((await readCall(database.db, "calm-1"))?.gatewayTrouble).toEqual([]);
  });
});
