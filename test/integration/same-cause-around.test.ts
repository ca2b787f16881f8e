import { beforeAll, describe, expect, it } from "vitest";
import { readCall } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase } from "../support/test-database";

// "Is it only this client?": a call page tells one caller refused from many refused at once.
const database = useTestDatabase();

const INVALID = "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call";
const NO_ACCESS = "Access token in HEADER access_token DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call";
const MISSING = 'Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"';

/** A call refused at `time` (HH:MM:SS, 2026-11-25 UTC): its token carried, unless null, and the gateway's line that refuses it. */
function refused(id: string, time: string, app: string, token: string | null, verdict: string): string {
  const at = (ms: number) => `2026-11-25T${time}.00${ms}Z`;
  return [
    `${at(0)} INFO [callId=${id}] Request: GET /cards/v1/limits api="Cards" app="${app}"`,
    ...(token === null ? [] : [`${at(1)} DEBUG [callId=${id}] Request header access_token: "${token}"`]),
    `${at(2)} WARN [callId=${id}] ${verdict}`,
  ].join("\n");
}

const token = (n: number) => `T0ken${String(n).padStart(2, "0")}xxxxxxxxxxxxxxxx`;

const trace = [
  // The hour before the burst: one expired token, refused every ten minutes.
  ...["07:20", "07:30", "07:40", "07:50", "08:00", "08:10"].map((minute, n) => refused(`usual-${n}`, `${minute}:00`, "Wallet", token(99), INVALID)),
  // 08:30: eight different tokens of three apps refused within two minutes.
  ...[0, 1, 2, 3, 4, 5, 6, 7].map((n) => refused(`burst-${n}`, `08:3${Math.floor(n / 4)}:${String(10 + n).padStart(2, "0")}`, ["Wallet", "Shop", "Partner Portal"][n % 3] ?? "", token(n), INVALID)),
  `2026-11-25T08:31:30.000Z INFO [callId=passed] Request: GET /cards/v1/limits api="Cards" app="Shop"`,
  "2026-11-25T08:31:30.010Z INFO [callId=passed] Response: 200",
  // 10:00: one token without access, retried three times; nothing else refused for that reason.
  ...[0, 1, 2].map((n) => refused(`retry-${n}`, `10:00:0${n}`, "Shop", token(50), NO_ACCESS)),
  // 12:00: two apps sending no token at all, and nothing stored from the hour before.
  refused("missing-a", "12:00:00", "Wallet", null, MISSING),
  refused("missing-b", "12:01:00", "Shop", null, MISSING),
  "",
].join("\n");

beforeAll(async () => {
  await ingestTrace(database.url, "around.log", trace);
});

const around = async (callId: string) => (await readCall(database.db, callId))?.sameCauseAround;

describe("the rejections for a call's cause around it", () => {
  it("calls many credentials refused at once, far more than in the hour before, a burst", async () => {
    expect(await around("burst-3")).toMatchObject({
      cause: "invalid_expired_revoked",
      from: "2026-11-25T08:25:13.000Z",
      to: "2026-11-25T08:35:13.000Z",
      rejections: 8,
      credentials: 8,
      apps: 3,
      spread: "burst",
    });
    // The hour from 07:25:13 holds five of the six usual refusals (07:30 to 08:10).
    expect((await around("burst-3"))?.usual).toBeCloseTo(5 / 6);
  });

  it("says a credential refused again and again, and no other, is alone", async () => {
    expect(await around("retry-1")).toMatchObject({ cause: "no_resource_access", rejections: 3, credentials: 1, callers: 1, spread: "alone", usual: null });
  });

  it("tells callers without a credential apart by their app, and knows when the hour before is not stored", async () => {
    expect(await around("missing-a")).toMatchObject({ cause: "missing_credential", rejections: 2, credentials: 0, apps: 2, callers: 2, spread: "steady", usual: null });
  });

  it("is not read for a call that passed", async () => {
    expect(await around("passed")).toBeNull();
  });
});
