import { beforeAll, expect, it } from "vitest";
import { readCall } from "../../lib/explorer";
import { ingestTrace } from "../support/ingest-trace";
import { useTestDatabase, withClient } from "../support/test-database";

// A call that carries a new value on every line (found by the scrubber by
// their starts once it holds 16 or more): each value is masked where the call
// echoed it, in lines stored long before the value was carried and in lines
// of an earlier upload, as for a call with one value.
const database = useTestDatabase();

const VALUES = Array.from({ length: 300 }, (_, n) => `ManyV4lue${String(n).padStart(3, "0")}Zq`);
const line = (text: string) => `2026-11-20T14:00:00.000Z DEBUG [callId=many-1] ${text}`;

// The echoes come first, hundreds of lines before the values are carried: past the readers' look-back.
const echoes = [
  line(`Request: GET /tokens/${VALUES[150]}/status api="Cards"`).replace("DEBUG", "INFO"),
  ...VALUES.filter((_, n) => n % 37 === 0).map((value) => line(`backend said ${value} was unknown, "quoted": "${value}"`)),
];
const carried = VALUES.map((value, n) => line(`Request header X-Token-${n % 5}: "${value}"`));
const refusal = line(`Response: 401 body="token ${VALUES[299]} refused"`).replace("DEBUG", "INFO");

beforeAll(async () => {
  await ingestTrace(database.url, "echoes.log", echoes.join("\n"));
  await ingestTrace(database.url, "carried.log", [...carried, refusal].join("\n"));
});

it("stores none of the many values it carried raw, in its lines, facts, evidence or fields", async () => {
  const stored = await withClient(database.url, async (client) => {
    const { rows } = await client.query<{ text: string }>(
      `SELECT array_to_string(texts, E'\\n') || coalesce(facts::text, '') AS text FROM trace_segments
       UNION ALL SELECT text FROM evidence
       UNION ALL SELECT concat(uri, response_body, extra_fields::text) FROM calls`,
    );
    return rows.map((row) => row.text).join("\n");
  });
  expect(stored).toContain('backend said Ma…Zq was unknown, "quoted": "Ma…Zq"');
  for (const value of VALUES) expect(stored, value).not.toContain(value);
  const call = await readCall(database.db, "many-1");
  expect(call?.responseBody).toBe("token Ma…Zq refused");
  expect(call?.uri).toBe("/tokens/Ma…Zq/status");
});
