import { beforeAll, describe, expect, it } from "vitest";
import { FACET_FIELDS } from "../../lib/explorer/filters";
import { listCalls, parseCallFilters, readExplorerView, readFacets } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase, withClient } from "../support/test-database";

// missing=<field>: the calls without a value in a facet field, on real PostgreSQL.
const database = useTestDatabase();

const rejectedToken = (ref: string, time: string, api: string | null) =>
  [
    `${time} INFO [callId=${ref}] Request: GET /orders${api === null ? "" : ` api="${api}"`}`,
    `${time} WARN [callId=${ref}] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call`,
    `${time} INFO [callId=${ref}] Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid."`,
  ].join("\n");
const plain = (ref: string, time: string, api: string | null, status: number) =>
  [
    `${time} INFO [callId=${ref}] Request: GET /orders${api === null ? "" : ` api="${api}"`}`,
    `${time} INFO [callId=${ref}] Response: ${status} body="no"`,
  ].join("\n");

// An API really named "none" beside calls with no API: a value and "no value" must not be confused.
const trace = [
  rejectedToken("m-1", "2026-11-20T14:00:01Z", "Orders"),
  plain("m-2", "2026-11-20T14:00:02Z", "Orders", 200),
  rejectedToken("m-3", "2026-11-20T14:00:03Z", "none"),
  plain("m-4", "2026-11-20T14:00:04Z", null, 401),
  plain("m-5", "2026-11-20T14:00:05Z", null, 200),
  rejectedToken("m-6", "2026-11-20T14:00:06Z", null),
].join("\n");

beforeAll(() => ingestTrace(database.url, "missing.log", trace));

const calls = async (query: string) => {
  const page = await listCalls(database.db, parseCallFilters(new URLSearchParams(`limit=1000&${query}`)));
  return { total: page.total, ids: page.items.map((item) => item.callId).sort() };
};
const sum = (counts: Array<{ count: number }>) => counts.reduce((total, { count }) => total + count, 0);

describe("missing=<field>", () => {
  it("is exactly the calls with no value in the field, and the stored data agrees", async () => {
    const withoutApi = await withClient(database.url, async (client) => (await client.query("SELECT call_ref FROM calls WHERE api IS NULL ORDER BY 1")).rows.map((row) => row.call_ref));
    expect(withoutApi).toEqual(["m-4", "m-5", "m-6"]);
    expect(await calls("missing=api")).toEqual({ total: 3, ids: ["m-4", "m-5", "m-6"] });
    // An API named "none" is a value like any other.
    expect(await calls("api=none")).toEqual({ total: 1, ids: ["m-3"] });
  });

  it("is one more alternative beside the field's values, and an AND with other fields", async () => {
    expect(await calls("missing=api&api=Orders")).toEqual({ total: 5, ids: ["m-1", "m-2", "m-4", "m-5", "m-6"] });
    expect(await calls("missing=api&missing=name")).toEqual({ total: 2, ids: ["m-4", "m-5"] });
    // The rejections that name no credential.
    expect(await calls("rejected=true&missing=name")).toEqual({ total: 1, ids: ["m-4"] });
  });

  it("not_missing=<field> leaves out the calls with no value, and every other exclusion applies too", async () => {
    expect(await calls("not_missing=api")).toEqual({ total: 3, ids: ["m-1", "m-2", "m-3"] });
    expect(await calls("not_missing=api&not_api=Orders")).toEqual({ total: 1, ids: ["m-3"] });
    // Kept and left out at once would leave nothing: refused by name rather than answered empty.
    await expect(calls("missing=api&not_missing=api")).rejects.toThrow('"not_missing": "api" is not to be left out while "missing" keeps it: a value is kept or left out, not both');
    expect(await calls("not_missing=name")).toEqual({ total: 3, ids: ["m-1", "m-3", "m-6"] });
  });

  it.each([
    ["missing=api", 3],
    ["not_missing=api", 3],
    ["missing=api&api=Orders", 3],
    ["missing=name&rejected=true", 1],
  ])(
    "under %s, every facet still adds up: its own to the calls without its filter, the others to the view's total",
    async (query, withoutApi) => {
      const filters = parseCallFilters(new URLSearchParams(query));
      const { total } = await calls(query);
      const facets = await readFacets(database.db, filters);
      for (const field of FACET_FIELDS) {
        const own = new URLSearchParams(query);
        own.delete("missing", field);
        own.delete("not_missing", field);
        own.delete(field);
        own.delete(`not_${field}`);
        const expected = own.toString() === new URLSearchParams(query).toString() ? total : (await calls(own.toString())).total;
        expect(sum(facets[field].values), field).toBe(expected);
      }
      // The API facet still counts its calls without a value while they are filtered in or out.
      expect(facets.api.values.find((entry) => entry.value === null)?.count).toBe(withoutApi);
    },
  );

  it("keeps the ranked API chart to what the view holds: no bars under missing=api alone, the value beside it, the rest when excluded", async () => {
    const apis = async (query: string) => {
      const view = await readExplorerView(database.db, Object.fromEntries(new URLSearchParams(query).entries()));
      return view.calls?.charts.apis.map(({ value, count }) => [value, count]);
    };
    expect(await apis("missing=api")).toEqual([]);
    expect(await apis("missing=api&api=Orders")).toEqual([["Orders", 2]]);
    expect(await apis("not_missing=api")).toEqual([["Orders", 2], ["none", 1]]);
    expect(await apis("not_missing=api&api=none")).toEqual([["none", 1]]);
  });
});
