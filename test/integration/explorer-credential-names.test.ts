import { beforeAll, expect, it } from "vitest";
import { listCalls, parseCallFilters, readTopFailingCredentials } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// One value sent under several names is one credential: its bar says so, rather than naming one header for all its rejections.
const database = useTestDatabase();

const TOKEN = "Zq81mNc0PLx7Rt4VbW2s";

/** A call at 09:00:0S that sent the token as header `name` and was refused for it. */
const refusedAs = (id: string, second: number, name: string, element: string) =>
  [
    `2026-11-23T09:00:0${second}.000Z INFO [callId=${id}] Request: GET /cards/v1/limits api="Cards" app="Wallet"`,
    `2026-11-23T09:00:0${second}.001Z DEBUG [callId=${id}] Request header ${name}: "${TOKEN}"`,
    `2026-11-23T09:00:0${second}.002Z WARN [callId=${id}] ${element} in HEADER ${name} HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call`,
  ].join("\n");

beforeAll(() =>
  ingestTrace(
    database.url,
    "names.log",
    [
      refusedAs("as-token-1", 1, "access_token", "Access token"),
      refusedAs("as-token-2", 2, "access_token", "Access token"),
      // A header's name in another case is the same header.
      refusedAs("as-token-3", 3, "ACCESS_TOKEN", "Access token"),
      refusedAs("as-client-id", 4, "client_id", "Client Id"),
      "",
    ].join("\n"),
  ),
);

it("counts the names the gateway refused a credential under, a header's name in any case as one", async () => {
  const [top, ...others] = await readTopFailingCredentials(database.db, parseCallFilters({}));
  expect(others).toEqual([]);
  expect(top).toMatchObject({ rejections: 4, names: 2, credential: { name: "access_token", preview: "Zq81…W2s" } });
  // The bar's link lists all four, the client_id one among them.
  expect((await listCalls(database.db, parseCallFilters({ refused: top?.fingerprint ?? "" }))).total).toBe(4);
  const [asClientId] = await readTopFailingCredentials(database.db, parseCallFilters({ name: "client_id" }));
  expect(asClientId).toMatchObject({ rejections: 1, names: 1 });
});
