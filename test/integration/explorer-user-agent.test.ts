import { beforeAll, describe, expect, it } from "vitest";
import { parseCallFilters, readCall, readExplorerView, readFacets } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// "Which client sends the bad token?": the User-Agent a call logged, kept with it, counted and filtered.
const database = useTestDatabase();

const INVALID = "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call";

/** A call at 14:0M (2026-11-20 UTC), refused unless `passed`, whose client says `agent` in a header line as given (`header`), or logs none. */
function call(id: string, minute: number, agent: string | null, { header = "User-Agent", passed = false } = {}): string {
  const at = (ms: number) => `2026-11-20T14:0${minute}:00.00${ms}Z`;
  return [
    `${at(0)} INFO [callId=${id}] Request: GET /cards/v1/limits api="Cards" app="Wallet"`,
    ...(agent === null ? [] : [`${at(1)} DEBUG [callId=${id}] Request header ${header}: ${agent}`]),
    `${at(2)} DEBUG [callId=${id}] Request header access_token: "T0ken${id}xxxxxxxxxxxxxxxx"`,
    passed ? `${at(3)} INFO [callId=${id}] Response: 200` : `${at(3)} WARN [callId=${id}] ${INVALID}`,
  ].join("\n");
}

const OKHTTP = "okhttp/4.12.0";
const IOS = "Wallet/5.2.0 (iPhone; iOS 17.1) CFNetwork/1474";

beforeAll(async () => {
  const text = [
    // A burst at 14:00: six of eight refused calls from one client release, quoted or bare, the header's name in any case.
    ...[0, 1, 2].map((n) => call(`ok-${n}`, 0, `"${OKHTTP}"`)),
    ...[3, 4, 5].map((n) => call(`ok-${n}`, 0, OKHTTP, { header: "user-agent" })),
    call("ios-0", 0, `"${IOS}"`),
    call("none-0", 0, null),
    call("ios-passed", 5, IOS, { passed: true }),
    "",
  ].join("\n");
  await ingestTrace(database.url, "agents.log", text);
  // A call whose User-Agent only a first upload, in JSON Lines, logged: kept when a second brings the rest of it.
  await ingestTrace(database.url, "first.ndjson", `${JSON.stringify({ callId: "split", requestHeaders: { "USER-AGENT": "curl/8.4.0" } })}\n`);
  await ingestTrace(database.url, "second.log", call("split", 7, null));
  await ingestTrace(database.url, "third.ndjson", `${JSON.stringify({ callId: "json-field", status: 200, request: { method: "GET", userAgent: "PostmanRuntime/7.36" } })}\n`);
});

const calls = async (query: string) => {
  const { calls: view } = await readExplorerView(database.db, Object.fromEntries(new URLSearchParams(query).entries()));
  return view?.page.items.map((item) => item.callId).sort();
};

describe("a call's User-Agent", () => {
  it("is kept as the client wrote it, from a text line or a JSON record's headers or field, and not taken for a credential", async () => {
    const okhttp = await readCall(database.db, "ok-0");
    expect(okhttp?.userAgent).toBe(OKHTTP);
    expect(okhttp?.credentials.map(({ name }) => name)).toEqual(["access_token"]);
    expect((await readCall(database.db, "ok-4"))?.userAgent).toBe(OKHTTP);
    expect((await readCall(database.db, "ios-passed"))?.userAgent).toBe(IOS);
    expect((await readCall(database.db, "none-0"))?.userAgent).toBeNull();
    expect((await readCall(database.db, "json-field"))?.userAgent).toBe("PostmanRuntime/7.36");
  });

  it("keeps a call's User-Agent from one upload when another brings the rest of the call", async () => {
    const split = await readCall(database.db, "split");
    expect(split).toMatchObject({ userAgent: "curl/8.4.0", cause: "invalid_expired_revoked" });
  });

  it("is a facet and a filter (agent=, not_agent=, missing=agent) with exact counts", async () => {
    const { agent } = await readFacets(database.db, parseCallFilters(new URLSearchParams("rejected=true")));
    expect(agent.values).toEqual([
      { value: OKHTTP, count: 6 },
      // Ties in the stored text's order (uppercase first).
      { value: IOS, count: 1 },
      { value: "curl/8.4.0", count: 1 },
      { value: null, count: 1 },
    ]);
    expect(await calls(`agent=${encodeURIComponent(IOS)}`)).toEqual(["ios-0", "ios-passed"]);
    expect(await calls(`rejected=true&not_agent=${encodeURIComponent(OKHTTP)}&not_missing=agent`)).toEqual(["ios-0", "split"]);
    expect(await calls("missing=agent")).toEqual(["none-0"]);
  });

  it("names the client release behind a burst when it sent at least half of it", async () => {
    expect((await readCall(database.db, "ok-2"))?.sameCauseAround).toMatchObject({ spread: "burst", rejections: 8, commonAgent: { userAgent: OKHTTP, rejections: 6 } });
    // Alone at 14:07, no burst: no client is singled out.
    expect((await readCall(database.db, "split"))?.sameCauseAround).toMatchObject({ spread: "alone", commonAgent: null });
  });
});
