import { beforeAll, describe, expect, it } from "vitest";
import { listCalls, parseCallFilters, type CallPage } from "../../lib/explorer";
import { CALL_COLUMNS } from "../../lib/explorer/fields";
import { eachPageOfCalls } from "../../lib/explorer/list-calls";
import { useTestDatabase, withClient } from "../support/test-database";

// Paging forward and back through the calls table, on rows whose every sort
// column has ties and nulls: the keyset must neither skip nor repeat a row
// among equal values, nor lose the nulls at either end.
const database = useTestDatabase();

const COUNT = 41;
/** Each column cycles through a few values and a null, at its own period, so the ties fall differently per column. */
const pick = <T,>(values: readonly T[], i: number, step: number): T => values[(i * step) % values.length] as T;
const rows = Array.from({ length: COUNT }, (_, i) => {
  const cause = pick([null, "missing_credential", "no_resource_access", "unknown"], i, 3);
  return {
    // Call references out of step with everything else, so ties are broken by them alone.
    call_ref: `r${String((i * 17) % COUNT).padStart(2, "0")}`,
    time: pick([null, "2026-11-20T14:00:00.000Z", "2026-11-20T14:00:01.500Z", "2026-11-20T13:59:59.999Z"], i, 1),
    status: pick([null, 401, 200, 403, 401], i, 2),
    method: pick([null, "get", "post"], i, 1),
    uri: pick(["/a", null, "/b", "/a", "/c"], i, 3),
    api: pick([null, "orders", "payments"], i, 2),
    app: pick(["mobile", null, "web", "web"], i, 1),
    cause,
    rejected: cause !== null,
    interceptor: pick([null, "oauth", "key"], i, 2),
    name: pick(["authorization", null, "x-api-key"], i, 1),
  };
});
type Row = (typeof rows)[number];

/** Each sort field's value in a row (the same column the API sorts on). */
const SORT_VALUE: Record<string, (row: Row) => string | number | null> = {
  time: (row) => row.time,
  status: (row) => row.status,
  method: (row) => row.method,
  uri: (row) => row.uri,
  api: (row) => row.api,
  app: (row) => row.app,
  cause: (row) => row.cause,
  interceptor: (row) => row.interceptor,
  name: (row) => row.name,
};

/** The order the README promises: nulls first when descending, last when ascending; ties by call reference, the other way. */
function expectedOrder(sort: string): string[] {
  const descending = sort.startsWith("-");
  const valueOf = SORT_VALUE[sort.replace(/^-/, "")] ?? (() => null);
  const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const ascending = [...rows].sort((x, y) => {
    const [a, b] = [valueOf(x), valueOf(y)];
    if (a === null || b === null) return a === b ? compare(y.call_ref, x.call_ref) : a === null ? 1 : -1;
    return compare(a, b) || compare(y.call_ref, x.call_ref);
  });
  const refs = ascending.map((row) => row.call_ref);
  return descending ? refs.reverse() : refs;
}

beforeAll(async () => {
  await withClient(database.url, async (client) => {
    for (const row of rows) {
      await client.query(
        `INSERT INTO calls (call_ref, time, status, method, uri, api, app, cause, rejected, interceptor, credential_name)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::"Cause", $9, $10, $11)`,
        [row.call_ref, row.time, row.status, row.method, row.uri, row.api, row.app, row.cause, row.rejected, row.interceptor, row.name],
      );
    }
  });
});

const page = (sort: string, limit: number, cursor?: string | null): Promise<CallPage> =>
  listCalls(database.db, parseCallFilters({ sort, limit: String(limit), ...(cursor ? { cursor } : {}) }));
const refs = (shown: CallPage) => shown.items.map((item) => item.callId);

const SORTS = CALL_COLUMNS.flatMap(({ sortBy }) => [sortBy, `-${sortBy}`]);

describe("paging the calls table", () => {
  it.each(SORTS.flatMap((sort) => [4, 7].map((limit) => [sort, limit] as const)))(
    "walks forward then back through every page, each the same rows in the same order at the same position (sort=%s, limit=%i)",
    async (sort, limit) => {
      const forward: CallPage[] = [];
      let shown = await page(sort, limit);
      forward.push(shown);
      while (shown.nextCursor) {
        shown = await page(sort, limit, shown.nextCursor);
        forward.push(shown);
      }
      expect(forward.flatMap(refs)).toEqual(expectedOrder(sort));
      expect(forward.map((each) => each.offset)).toEqual(forward.map((_, index) => index * limit));
      expect(forward[0]?.prevCursor).toBeNull();

      const backward: CallPage[] = [shown];
      while (shown.prevCursor) {
        shown = await page(sort, limit, shown.prevCursor);
        backward.push(shown);
      }
      backward.reverse();
      expect(backward.map(refs)).toEqual(forward.map(refs));
      expect(backward.map((each) => each.offset)).toEqual(forward.map((each) => each.offset));
      // Each page reached backwards leads forward to the page it came from.
      expect(backward.map((each) => each.nextCursor !== null)).toEqual(forward.map((each) => each.nextCursor !== null));
      expect(backward.every((each) => each.total === COUNT)).toBe(true);
    },
  );

  it("answers a previous page with fewer rows than a page before it as the whole first page", async () => {
    const first = await page("-time", 4);
    const second = await page("-time", 4, first.nextCursor);
    // A limit larger than what lies before the second page (the view's limit changed, or calls were removed).
    const back = await page("-time", 10, second.prevCursor);
    expect(refs(back)).toEqual(expectedOrder("-time").slice(0, 10));
    expect([back.offset, back.prevCursor]).toEqual([0, null]);
  });

  it("exports from the first row of a cursor's page to the end, whichever way the cursor points", async () => {
    const exported = async (cursor: string | null) => {
      const seen: string[] = [];
      for await (const items of eachPageOfCalls(database.db, parseCallFilters({ sort: "status", limit: "4", ...(cursor ? { cursor } : {}) }))) seen.push(...items.map((item) => item.callId));
      return seen;
    };
    const second = await page("status", 4, (await page("status", 4)).nextCursor);
    const third = await page("status", 4, second.nextCursor);
    expect(await exported(second.nextCursor)).toEqual(expectedOrder("status").slice(8));
    expect(await exported(third.prevCursor)).toEqual(expectedOrder("status").slice(4));
    expect(await exported(null)).toEqual(expectedOrder("status"));
  });
});
