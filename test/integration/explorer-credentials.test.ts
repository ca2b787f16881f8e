import { Readable } from "node:stream";
import { beforeAll, expect, it } from "vitest";
import { readEnvironment } from "../../lib/config";
import { loadFingerprintKey } from "../../lib/credentials";
import { connectPool } from "../../lib/database";
import { listCalls, parseCallFilters, readCredentialSummaries, readTopFailingCredentials } from "../../lib/explorer";
import { ingestUpload } from "../../lib/ingest";
import { CARRIED_IN, REFUSED_IN, SHARED_CREDENTIAL_TRACE, SHARED_TOKEN, SHARED_TOKEN_PREVIEW } from "../support/shared-credential";
import { useTestDatabase } from "../support/test-database";

const database = useTestDatabase();

beforeAll(async () => {
  const pool = connectPool(database.url);
  try {
    const file = { name: "shared-credential.log", stream: Readable.from([Buffer.from(SHARED_CREDENTIAL_TRACE)]) };
    // The same token once more, under a name that sorts first: the name it is known by is still the one it was sent under most.
    const elsewhere = { name: "other-name.log", stream: Readable.from([Buffer.from(`2026-11-22T09:00:09Z INFO [callId=cred-other-name] Request header aa_token: "${SHARED_TOKEN}"`)]) };
    await ingestUpload(pool, { source: "cli", files: [file, elsewhere] }, loadFingerprintKey(readEnvironment({ ...process.env, TRACELENS_FINGERPRINT_KEY: "explorer-credentials" })));
  } finally {
    await pool.end();
  }
});

const callIds = async (params: Record<string, string>) => {
  const page = await listCalls(database.db, parseCallFilters(params));
  return { total: page.total, ids: page.items.map((item) => item.callId).sort() };
};

it("a failing credential's bar counts exactly the calls its link shows: the rejections that refused it", async () => {
  const [top] = await readTopFailingCredentials(database.db, parseCallFilters({}));
  expect(top?.rejections).toBe(2);
  const fingerprint = top?.fingerprint ?? "";
  expect(await callIds({ refused: fingerprint })).toEqual({ total: 2, ids: [...REFUSED_IN].sort() });
  // Every call that carried it is another view, the call page's link.
  expect(await callIds({ fingerprint })).toEqual({ total: 5, ids: [...CARRIED_IN, "cred-other-name"].sort() });
});

it("says when a failing credential's rejections began and when the last came", async () => {
  const [top] = await readTopFailingCredentials(database.db, parseCallFilters({}));
  expect(top).toMatchObject({ first: "2026-11-22T09:00:01.000Z", last: "2026-11-22T09:00:02.000Z" });
});

it("counts failing credentials under the view's filters, so a view of passed calls has none", async () => {
  expect(await readTopFailingCredentials(database.db, parseCallFilters({ rejected: "false" }))).toEqual([]);
  const [top] = await readTopFailingCredentials(database.db, parseCallFilters({ cause: "invalid_expired_revoked" }));
  expect(await callIds({ cause: "invalid_expired_revoked", refused: top?.fingerprint ?? "" })).toMatchObject({ total: top?.rejections });
});

it("names a credential by the name it was sent under and its masked preview, never its value", async () => {
  const [top] = await readTopFailingCredentials(database.db, parseCallFilters({}));
  const fingerprint = top?.fingerprint ?? "";
  expect(top?.credential).toEqual({ name: "access_token", preview: SHARED_TOKEN_PREVIEW });
  const summaries = await readCredentialSummaries(database.db, [fingerprint, "0123456789abcdef"]);
  expect(summaries).toEqual({ [fingerprint]: { name: "access_token", preview: SHARED_TOKEN_PREVIEW } });
  expect(JSON.stringify(summaries)).not.toContain(SHARED_TOKEN);
});

it("answers a refused credential that is not a fingerprint with what it expects, not an empty view", () => {
  expect(() => parseCallFilters({ refused: "not-a-fingerprint" })).toThrow('"refused": "not-a-fingerprint" is not a credential fingerprint');
});
