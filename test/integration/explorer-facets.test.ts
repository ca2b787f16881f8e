import { beforeAll, describe, expect, it } from "vitest";
import { parseCallFilters, parseFacetValuesRequest, readExplorerView, readFacets, readFacetValues } from "../../lib/explorer";
import { CAUSE_ORDER } from "../../lib/rules";
import { ingestTrace } from "../support/ingest-trace";
import { PARTNER_CAUSES, PARTNER_COUNT, PARTNER_TOTALS, PARTNERS_TRACE, partnerCalls, partnerName, partnerRejections } from "../support/partners-trace";
import { useTestDatabase } from "../support/test-database";

// A facet's long tail, on real PostgreSQL: the values its twelve rows leave out.
const database = useTestDatabase();

beforeAll(() => ingestTrace(database.url, "partners.log", PARTNERS_TRACE));

const facets = (query: string) => readFacets(database.db, parseCallFilters(new URLSearchParams(query)));
const values = (field: string, query: string) => readFacetValues(database.db, parseFacetValuesRequest(field, new URLSearchParams(query)));
const view = async (query: string) => {
  const { calls } = await readExplorerView(database.db, Object.fromEntries(new URLSearchParams(query).entries()));
  if (calls === null) throw new Error("nothing stored");
  return calls;
};
const PARTNERS = Array.from({ length: PARTNER_COUNT }, (_, index) => partnerName(index));

describe("a facet's long tail", () => {
  it("a facet counts the values it does not show: twelve of the fifteen apps, the least frequent left out", async () => {
    const { app } = await facets("");
    expect(app.valueCount).toBe(PARTNER_COUNT);
    expect(app.values.map(({ value }) => value)).toEqual(PARTNERS.slice(0, 12));
  });

  it("keeps a value its own filter names among its rows however rare, so a partner picked from the tail stays shown and charted", async () => {
    const { app } = await facets(`app=${encodeURIComponent(partnerName(13))}`);
    expect(app.values.map(({ value }) => value)).toEqual([...PARTNERS.slice(0, 12), partnerName(13)]);
    expect(app.values.at(-1)?.count).toBe(partnerCalls(13));
    expect(app.valueCount).toBe(PARTNER_COUNT);
    // Left out, it stays too, to be taken off.
    expect((await facets(`not_app=${encodeURIComponent(partnerName(14))}`)).app.values.at(-1)).toEqual({ value: partnerName(14), count: partnerCalls(14) });

    const calls = await view(`app=${encodeURIComponent(partnerName(13))}`);
    expect(calls.charts.apps).toEqual([{ value: partnerName(13), count: partnerCalls(13) }]);
    expect(calls.counts).toEqual({ calls: partnerCalls(13), rejections: partnerRejections(13) });
  });

  it("lists every value on demand, most frequent first, and the values containing a text typed in any case", async () => {
    const all = await values("app", "");
    expect(all.matching).toBe(PARTNER_COUNT);
    expect(all.values.map(({ value }) => value)).toEqual(PARTNERS);
    expect(await values("app", "match=13")).toEqual({ values: [{ value: partnerName(13), count: partnerCalls(13) }], matching: 1 });
    expect((await values("app", "match=pARTNER%201")).values.map(({ value }) => value)).toEqual(PARTNERS.slice(10));
    // The text is matched as typed: % and _ are no wildcards.
    expect(await values("app", "match=%25")).toEqual({ values: [], matching: 0 });
    expect(await values("api", "match=Cards%201_")).toEqual({ values: [], matching: 0 });
  });

  it("counts the values under the view's other filters, as the facet's rows are, and not under the facet's own", async () => {
    const rejected = await values("app", "rejected=true&match=13");
    expect(rejected.values).toEqual([{ value: partnerName(13), count: partnerRejections(13) }]);
    expect(await values("app", `match=13&app=${encodeURIComponent(partnerName(2))}`)).toEqual(await values("app", "match=13"));
    expect(await values("app", "api=Cards%2001")).toEqual({ values: [{ value: partnerName(1), count: partnerCalls(1) }], matching: 1 });
  });

  it("lists the causes in the rules table's order, not rejected last, in the facet, the Causes chart and the view's counts alike", async () => {
    const inOrder = CAUSE_ORDER.filter((cause) => cause in PARTNER_CAUSES);
    const { cause } = await facets("");
    expect(cause.values.map(({ value }) => value)).toEqual([...inOrder, null]);
    const calls = await view("");
    expect(calls.charts.causes).toEqual(inOrder.map((value) => ({ value, count: PARTNER_CAUSES[value as keyof typeof PARTNER_CAUSES] })));
    expect(calls.counts).toEqual({ calls: PARTNER_TOTALS.calls, rejections: PARTNER_TOTALS.rejections });
    // Whatever the counts say: ranked by them, the order would differ.
    expect(cause.values.toSorted((a, b) => b.count - a.count).map(({ value }) => value)).not.toEqual(cause.values.map(({ value }) => value));
  });
});
