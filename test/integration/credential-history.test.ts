import { beforeAll, describe, expect, it } from "vitest";
import { readCall } from "../../lib/explorer";
import { readCredentialHistory } from "../../lib/explorer/credential-history";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// Did the refused credential ever work? What the stored calls say, beside a rejection.
const database = useTestDatabase();

const call = (id: string, time: string, token: string, ending: "ok" | "not_found" | "no_access" | "no_client_id", api = "Payments") =>
  [
    `2026-11-20T${time}.000Z INFO [callId=${id}] Request: GET /payments/v2/charges api="${api}" app="Mobile"`,
    `2026-11-20T${time}.001Z DEBUG [callId=${id}] Request header access_token: "${token}"`,
    {
      ok: `2026-11-20T${time}.002Z INFO [callId=${id}] Response: 200 body="{}"`,
      not_found: `2026-11-20T${time}.002Z WARN [callId=${id}] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call`,
      no_access: `2026-11-20T${time}.002Z WARN [callId=${id}] Access token in HEADER access_token DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call`,
      no_client_id: `2026-11-20T${time}.002Z INFO [callId=${id}] Response: 401 body="Could not find a required Client Id in the request, identified by HEADER client_id"`,
    }[ending],
  ].join("\n");

const EXPIRING = "ExpiringT0ken0000aaaa";
const WRONG = "WrongT0ken1111bbbbbbb";
const NARROW = "NarrowT0ken222cccccc";
const FIXED = "FixedT0ken3333dddddd";
const FINE = "FineT0ken44444eeeeee";
const SPLIT = "SplitT0ken5555ffffff";

const TRACE = [
  call("e1", "14:00:00", EXPIRING, "ok"),
  call("e2", "14:01:00", EXPIRING, "ok"),
  // Rejected for another credential: says nothing of this one.
  call("e3", "14:07:00", EXPIRING, "no_client_id"),
  call("e4", "14:05:00", EXPIRING, "not_found"),
  call("e5", "14:06:00", EXPIRING, "not_found"),
  call("w1", "14:03:00", WRONG, "not_found"),
  call("n1", "14:00:00", NARROW, "ok"),
  call("n2", "14:05:00", NARROW, "no_access"),
  call("n3", "14:10:00", NARROW, "ok"),
  call("f1", "14:00:00", FIXED, "no_access"),
  call("f2", "14:05:00", FIXED, "ok"),
  call("g1", "14:00:00", FINE, "ok"),
  call("s1", "14:00:00", SPLIT, "ok", "Orders"),
  call("s2", "14:05:00", SPLIT, "no_access", "Payments"),
  call("s3", "14:10:00", SPLIT, "ok", "Orders"),
  "",
].join("\n");

beforeAll(() => ingestTrace(database.url, "history.log", TRACE));

const historyOf = async (callId: string) => (await readCall(database.db, callId))?.refusedHistory;

describe("the refused credential over time", () => {
  it("a token accepted until a moment and refused since stopped working in between; a rejection for another credential does not count", async () => {
    expect(await historyOf("e5")).toEqual({
      accepted: { calls: 2, first: "2026-11-20T14:00:00.000Z", last: "2026-11-20T14:01:00.000Z", apis: ["Payments"] },
      refused: { calls: 2, first: "2026-11-20T14:05:00.000Z", last: "2026-11-20T14:06:00.000Z", apis: ["Payments"] },
      story: "stopped_working",
    });
  });

  it("a token no stored call had accepted was never accepted", async () => {
    expect(await historyOf("w1")).toMatchObject({ accepted: { calls: 0, first: null, last: null, apis: [] }, refused: { calls: 1 }, story: "never_accepted" });
  });

  it("a token accepted before and after its refusal is taken for some calls and not for others", async () => {
    expect(await historyOf("n2")).toMatchObject({ accepted: { calls: 2 }, refused: { calls: 1 }, story: "mixed" });
  });

  it("a token accepted by one API and refused by another over the same period names both", async () => {
    expect(await historyOf("s2")).toMatchObject({ accepted: { calls: 2, apis: ["Orders"] }, refused: { calls: 1, apis: ["Payments"] }, story: "mixed" });
  });

  it("a token refused, then accepted from a moment on, works again since", async () => {
    expect(await historyOf("f1")).toMatchObject({ accepted: { first: "2026-11-20T14:05:00.000Z" }, refused: { last: "2026-11-20T14:00:00.000Z" }, story: "started_working" });
  });

  it("a token no stored call refused was never refused", async () => {
    const [carried] = (await readCall(database.db, "g1"))?.credentials ?? [];
    expect(await readCredentialHistory(database.db, carried?.fingerprint ?? "")).toMatchObject({ accepted: { calls: 1 }, refused: { calls: 0 }, story: "never_refused" });
  });

  it("a call that refused no credential has no such history", async () => {
    expect(await readCall(database.db, "e3")).toMatchObject({ cause: "missing_credential", refusedHistory: null });
  });
});
