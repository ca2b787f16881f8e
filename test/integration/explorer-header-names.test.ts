import { beforeAll, describe, expect, it } from "vitest";
import { parseCallFilters, readExplorerView, readFacets } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// Gateway versions write a header's name in their own case: the facet and the filter treat it as HTTP does, one header.
const database = useTestDatabase();

/** A rejection of a token sent under `sent` that the gateway names `named` in LOCATION. */
const rejection = (callId: string, location: "header" | "query", sent: string, named: string) =>
  [
    `2026-11-20T14:03:11.482Z INFO [callId=${callId}] Request: GET /payments/v2/charges api="Payments" app="Mobile App"`,
    `2026-11-20T14:03:11.483Z DEBUG [callId=${callId}] Request ${location} ${sent}: "2YotnFZFEjr1zCsicMWpAA${callId.slice(-2)}"`,
    `2026-11-20T14:03:11.484Z WARN [callId=${callId}] Access token in ${location === "header" ? "HEADER" : "QUERYPARAM"} ${named} HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call`,
    `2026-11-20T14:03:11.485Z INFO [callId=${callId}] Response: 401 body="Access Token in the request is invalid."`,
  ].join("\n");

const TRACE = [
  rejection("7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e01", "header", "access_token", "ACCESS_TOKEN"),
  rejection("7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e02", "header", "access_token", "access_token"),
  rejection("7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e03", "header", "Access_Token", "Access_Token"),
  // A query parameter's name keeps its case: `Token` and `token` are two parameters.
  rejection("7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e04", "query", "Token", "Token"),
  "",
].join("\n");

beforeAll(() => ingestTrace(database.url, "cases.log", TRACE));

const calls = async (query: string) => {
  const { calls: view } = await readExplorerView(database.db, Object.fromEntries(new URLSearchParams(query).entries()));
  return view?.page.items.map((call) => call.callId.slice(-2)).sort();
};

describe("a header's name in any case is one header", () => {
  it("the credential-name facet counts ACCESS_TOKEN, access_token and Access_Token as one header, and keeps a query parameter's case", async () => {
    const { name } = await readFacets(database.db, parseCallFilters(new URLSearchParams("")));
    expect(name.values).toEqual([
      { value: "access_token", count: 3 },
      { value: "Token", count: 1 },
    ]);
  });

  it("a name filter finds the header whatever case the gateway or the link writes it in, and the query parameter only in its own", async () => {
    expect(await calls("name=access_token")).toEqual(["01", "02", "03"]);
    expect(await calls("name=ACCESS_TOKEN")).toEqual(["01", "02", "03"]);
    expect(await calls("not_name=access_token")).toEqual(["04"]);
    expect(await calls("name=Token")).toEqual(["04"]);
    expect(await calls("name=token")).toEqual([]);
  });
});
