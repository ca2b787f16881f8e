import { expect, test } from "@playwright/test";
import { open } from "./support/open";
import { ensureSamplesStored, RAW_CREDENTIALS } from "./support/samples";

test.beforeAll(async ({ request }) => ensureSamplesStored(request));

test("a no_resource_access call shows its evidence line highlighted and what to do", async ({ page }) => {
  await open(page, "/calls/a91");
  await expect(page.getByRole("heading", { level: 2, name: "No access to this resource" })).toBeVisible();
  // The remedy names the app and the API whose plan lacks the grant.
  await expect(page.getByTestId("remedy")).toHaveText("Grant the app Partner Portal access to the Orders API's plan or resource in the gateway (or use an app that has it).");
  const decisive = page.getByTestId("decisive-line");
  await expect(decisive).toContainText("Client Id in HEADER client_id DOES NOT HAVE ACCESS TO THIS RESOURCE");
  await expect(decisive).toContainText("10");
  // The trace may start below the first screen (a burst's note above it); brought into view, it shows its decisive line.
  await page.getByRole("list", { name: "Trace" }).evaluate((trace) => trace.scrollIntoView({ block: "start" }));
  await expect(decisive).toBeInViewport();
  await expect(page.getByRole("region", { name: "Call details" }).getByText("Client ID Validation")).toBeVisible();
  // From the call to "is it only this app?": the rejections of its app, one click away.
  await page.getByRole("link", { name: "Rejections of Partner Portal" }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("app") === "Partner Portal" && url.searchParams.get("rejected") === "true");
  await expect(page.locator("tr[data-call-id]").first()).toBeVisible();
  expect(await page.locator("tr[data-call-id]").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-call-id")))).toContain("a91");
});

test("the malformed_credential sample shows whitespace markers on the credential", async ({ page }) => {
  await open(page, "/calls/b77");
  await expect(page.getByRole("heading", { level: 2, name: "Credential sent with extra whitespace" })).toBeVisible();
  await expect(page.getByTestId("whitespace-mark")).toHaveCount(2);
  await expect(page.getByLabel("trailing whitespace")).toBeVisible();
  await expect(page.getByLabel("line break")).toBeVisible();
  await expect(page.getByText("sent with trailing whitespace and a line break")).toBeVisible();
  await expect(page.getByTestId("decisive-line")).toContainText('Request header access_token: "9fK2…tV8 \\n"');
  // The gateway's own verdict (HAS NOT BEEN FOUND) is what the whitespace explains, and the page says so.
  await expect(page.getByTestId("gateway-verdict-means")).toHaveText(/whitespace alone explains: send the credential clean/);
  const html = await page.content();
  for (const raw of RAW_CREDENTIALS) expect(html).not.toContain(raw);
});

test("log text holding markup is shown as text, never run as HTML", async ({ page, request }) => {
  const hostile = [
    '2026-11-23T08:00:00Z INFO [callId=xss-1] Request: GET /x?<b>bold</b> api="<img src=x onerror=window.__xss=1>"',
    "2026-11-23T08:00:00Z WARN [callId=xss-1] <script>window.__xss=2</script> <img src=x onerror=window.__xss=3>",
    '2026-11-23T08:00:01Z INFO [callId=xss-1] Response: 401 body="<script>window.__xss=4</script>"',
  ].join("\n");
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "hostile.log", mimeType: "text/plain", buffer: Buffer.from(hostile) } } });
  expect(upload.status()).toBe(201);

  await open(page, "/calls/xss-1");
  await expect(page.getByText("<script>window.__xss=2</script> <img src=x onerror=window.__xss=3>")).toBeVisible();
  await expect(page.getByText("<script>window.__xss=4</script>").first()).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator("main img")).toHaveCount(0);

  await open(page, "/?q=xss");
  await expect(page.getByRole("cell", { name: "<img src=x onerror=window.__xss=1>" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
});

test("a call whose reference holds %, / or a space opens from the table and by its address, also beside one spelt with its escape", async ({ page, request }) => {
  const refs = ["odd%20ref/x", "50%off", "a b", "a%20b"];
  const records = refs.map((ref, index) => JSON.stringify({ callId: ref, time: `2026-11-24T10:00:0${index}Z`, status: 401, body: `nope ${index}` }));
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "odd.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(records.join("\n")) } } });
  expect(upload.status()).toBe(201);
  for (const [index, ref] of refs.entries()) {
    await open(page, "/?q=nope");
    await page.locator(`tr[data-call-id="${ref}"]`).getByRole("link").click();
    await expect(page.getByText(`call ${ref}`, { exact: true })).toBeVisible();
    await expect(page.getByText(`nope ${index}`).first()).toBeVisible();
    await page.reload();
    await expect(page.getByText(`call ${ref}`, { exact: true })).toBeVisible();
    await open(page, `/calls/${encodeURIComponent(ref)}`);
    await expect(page.getByText(`call ${ref}`, { exact: true })).toBeVisible();
  }
  // Its trace has no request line: the title says so instead of "?".
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Request not logged");
  await expect(page.getByRole("heading", { level: 2, name: "Unexplained 401" })).toBeVisible();
  await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
});

test("a long trace opens at its decisive line, inside the trace's own box, the page left at the call's title", async ({ page, request }) => {
  const debug = (seq: number) => `2026-11-24T11:00:${String(seq % 60).padStart(2, "0")}Z DEBUG [callId=long-1] Running interceptor step ${seq}`;
  const trace = [
    ...Array.from({ length: 80 }, (_, seq) => debug(seq)),
    "2026-11-24T11:01:20Z WARN [callId=long-1] Access token in HEADER access_token HAS NOT BEEN FOUND; rejecting call",
    ...Array.from({ length: 80 }, (_, seq) => debug(seq + 81)),
    '2026-11-24T11:02:41Z INFO [callId=long-1] Response: 401 body="Access Token in the request, identified by HEADER access_token, is invalid."',
  ].join("\n");
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "long.log", mimeType: "text/plain", buffer: Buffer.from(trace) } } });
  expect(upload.status()).toBe(201);
  await open(page, "/calls/long-1");
  const decisive = page.getByTestId("decisive-line");
  await expect(decisive).toContainText("HAS NOT BEEN FOUND");
  // The page stays at its top: the title, the cause and the evidence first.
  await expect(page.getByText("call long-1")).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // The trace's box, scrolled to the page, already shows the decisive line (line 81 of 162).
  const box = page.getByRole("list", { name: "Trace" });
  await box.scrollIntoViewIfNeeded();
  expect(await box.evaluate((list) => list.scrollTop)).toBeGreaterThan(0);
  await expect(decisive).toBeInViewport({ ratio: 1 });
  // Lines before it show too (it is listed second to last, by time), and the box's top edge falls between two lines, not through one.
  const shown = await box.evaluate((list) => {
    const edge = list.getBoundingClientRect().top + list.clientTop;
    const line = list.querySelector("[data-testid=decisive-line]")?.getBoundingClientRect().top ?? edge;
    return { above: (line - edge) / list.clientHeight, topEdgeOnLineStart: [...list.children].some((item) => Math.abs(item.getBoundingClientRect().top - edge) < 1) };
  });
  expect(shown.above).toBeGreaterThan(0.5);
  expect(shown.topEdgeOnLineStart).toBe(true);
  await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
});

test("← Calls returns to the explorer view the call was opened from, and never leads off the site", async ({ page }) => {
  await open(page, "/?rejected=true&sort=status&app=Mobile+App");
  const site = new URL(page.url()).origin;
  await expect(page.getByTestId("total")).toHaveText("2");
  await page.locator("tr[data-call-id]").first().getByRole("link").click();
  await expect(page).toHaveURL(/\/calls\//);
  await page.getByRole("link", { name: "← Calls" }).click();
  await expect(page).toHaveURL(/\/\?rejected=true&sort=status&app=Mobile\+App$/);
  await expect(page.getByTestId("total")).toHaveText("2");

  for (const view of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
    await open(page, `/calls/a91?view=${encodeURIComponent(view)}`);
    const href = (await page.getByRole("link", { name: "← Calls" }).getAttribute("href")) ?? "";
    expect(href).toMatch(/^\/(\?|$)/);
    await page.getByRole("link", { name: "← Calls" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Calls" })).toBeVisible();
    expect(new URL(page.url()).origin).toBe(site);
  }
});

test("beside a refused token, the call says whether it ever worked: accepted until a moment, refused since", async ({ page, request }) => {
  const line = (id: string, time: string, last: string) =>
    [
      `2026-11-24T${time}.000Z INFO [callId=${id}] Request: GET /cards/v1/limits api="Cards" app="Wallet"`,
      `2026-11-24T${time}.001Z DEBUG [callId=${id}] Request header access_token: "Wa11etT0kenExp1res0000"`,
      `2026-11-24T${time}.002Z ${last}`.replace("ID", id),
    ].join("\n");
  const trace = [
    line("hist-1", "07:58:00", "INFO [callId=ID] Response: 200 body=\"{}\""),
    line("hist-2", "07:59:30", "INFO [callId=ID] Response: 200 body=\"{}\""),
    line("hist-3", "08:02:00", "WARN [callId=ID] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call"),
  ].join("\n");
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "history.log", mimeType: "text/plain", buffer: Buffer.from(trace) } } });
  expect(upload.status()).toBe(201);
  try {
    await open(page, "/calls/hist-3");
    await page.getByRole("group", { name: "Show times in" }).getByRole("button", { name: "UTC" }).click();
    const note = page.locator(".credential-history");
    await expect(note).toContainText("Accepted until 2026-11-24 07:59:30.000, refused from 2026-11-24 08:02:00.000: it stopped working in between.");
    await expect(note).toContainText("Accepted in 2 calls to Cards (2026-11-24 07:58:00 → 07:59:30) · refused in 1 call to Cards");
  } finally {
    await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
  }
});

test("a rejection the gateway's own trouble may explain says so beside what to do, with the gateway's line", async ({ page, request }) => {
  const trace = [
    "2026-11-24T09:30:00.000Z ERROR Token store tokens-db unreachable, retrying",
    '2026-11-24T09:30:21.000Z INFO [callId=down-1] Request: GET /cards/v1/limits api="Cards" app="Wallet"',
    '2026-11-24T09:30:21.001Z DEBUG [callId=down-1] Request header access_token: "D0wnT0kenAaaaaaaaaaaa"',
    "2026-11-24T09:30:21.002Z WARN [callId=down-1] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
    // Four more callers refused as the store was down: a burst, which the note reads with the trouble.
    ...[2, 3, 4, 5].flatMap((n) => [
      `2026-11-24T09:30:3${n}.000Z INFO [callId=down-${n}] Request: GET /cards/v1/limits api="Cards" app="App ${n}"`,
      `2026-11-24T09:30:3${n}.001Z DEBUG [callId=down-${n}] Request header access_token: "D0wnT0ken${n}aaaaaaaaaaa"`,
      `2026-11-24T09:30:3${n}.002Z WARN [callId=down-${n}] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call`,
    ]),
  ].join("\n");
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "store-down.log", mimeType: "text/plain", buffer: Buffer.from(trace) } } });
  expect(upload.status()).toBe(201);
  try {
    await open(page, "/calls/down-1");
    const trouble = page.getByRole("complementary", { name: "Gateway trouble around this call" });
    await expect(trouble).toContainText("Many callers were refused at once while the gateway was in trouble: look at the gateway");
    await expect(trouble).toContainText("21 s before the call · store-down.log:1");
    await expect(trouble).toContainText("Token store tokens-db unreachable, retrying");
    // A call far from any gateway trouble says nothing of it.
    await open(page, "/calls/a91");
    await expect(page.getByRole("complementary", { name: "Gateway trouble around this call" })).toHaveCount(0);
  } finally {
    await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
  }
});

test("a credential missing from where the gateway looked, but sent elsewhere, is said to be so with both places", async ({ page, request }) => {
  const trace = [
    '2026-10-03T07:00:00.000Z INFO [callId=misplaced-1] Request: GET /cards/v1/limits?access_token=M1splacedT0kenAaaaaaa api="Cards" app="Wallet"',
    '2026-10-03T07:00:00.002Z INFO [callId=misplaced-1] Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"',
  ].join("\n");
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "misplaced.log", mimeType: "text/plain", buffer: Buffer.from(trace) } } });
  expect(upload.status()).toBe(201);
  try {
    await open(page, "/calls/misplaced-1");
    await expect(page.getByRole("heading", { level: 2, name: "Credential missing" })).toBeVisible();
    await expect(page.getByTestId("sent-elsewhere")).toHaveText(
      "The call sent access_token as a query parameter, but the gateway looks for it only in header access_token: send it there.",
    );
    await expect(page.getByTestId("remedy")).toContainText("Send the Access Token in header access_token:");
    // Nothing was refused: the gateway expected a credential it never got.
    const facts = page.getByRole("region", { name: "Call details" });
    await expect(facts.getByText("Expected credential")).toBeVisible();
    await expect(facts.getByText("Refused credential")).toHaveCount(0);
    expect(await page.content()).not.toContain("M1splacedT0kenAaaaaaa");
  } finally {
    await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
  }
});

test("a call refused in a burst of many callers says so, and one refused alone says the fault is its own", async ({ page, request }) => {
  const refused = (id: string, time: string, app: string, verdict: string) =>
    [
      `2026-10-02T${time}.000Z INFO [callId=${id}] Request: GET /cards/v1/limits api="Cards" app="${app}"`,
      `2026-10-02T${time}.001Z DEBUG [callId=${id}] Request header access_token: "Bur5tT0ken${id}aaaaaaaaaa"`,
      `2026-10-02T${time}.002Z WARN [callId=${id}] Access token in HEADER access_token ${verdict}; rejecting call`,
    ].join("\n");
  const invalid = "HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked)";
  const trace = [
    ...["Wallet", "Shop", "Kiosk", "Wallet", "Shop", "Kiosk"].map((app, n) => refused(`burst-${n}`, `06:00:1${n}`, app, invalid)),
    refused("lonely-1", "09:00:00", "Kiosk", "DOES NOT HAVE ACCESS TO THIS RESOURCE"),
  ].join("\n");
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "burst.log", mimeType: "text/plain", buffer: Buffer.from(trace) } } });
  expect(upload.status()).toBe(201);
  try {
    await open(page, "/calls/burst-2");
    const burst = page.getByRole("complementary", { name: "Rejections for this reason around this call" });
    await expect(burst.getByRole("heading")).toHaveText("A burst: many callers refused for this reason at once");
    await expect(burst).toContainText("6 calls refused for this reason from");
    await expect(burst).toContainText("from 6 credentials and 3 apps, and the stored calls do not reach back to the hour before");
    await burst.getByRole("link", { name: "See them →" }).click();
    await expect(page).toHaveURL((url) => url.searchParams.get("cause") === "invalid_expired_revoked" && url.searchParams.get("from") === "2026-10-02T05:55:12.000Z");
    await expect(page.locator("tr[data-call-id]")).toHaveCount(6);

    await open(page, "/calls/lonely-1");
    const alone = page.getByRole("complementary", { name: "Rejections for this reason around this call" });
    await expect(alone).toContainText("Only this credential was refused for this reason from");
    await expect(alone).toContainText(": the fault lies with it, not with the gateway.");
    await expect(alone.getByRole("heading")).toHaveCount(0);
  } finally {
    await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
  }
});

test("a token one API accepts and another refuses over the same period is said to be so, naming both", async ({ page, request }) => {
  const line = (id: string, time: string, api: string, last: string) =>
    [
      `2026-11-24T${time}.000Z INFO [callId=${id}] Request: GET /x api="${api}" app="Wallet"`,
      `2026-11-24T${time}.001Z DEBUG [callId=${id}] Request header access_token: "Spl1tT0kenOneApiOnly00"`,
      `2026-11-24T${time}.002Z ${last.replace("ID", id)}`,
    ].join("\n");
  const trace = [
    line("split-1", "07:58:00", "Orders", 'INFO [callId=ID] Response: 200 body="{}"'),
    line("split-2", "07:59:00", "Payments", "WARN [callId=ID] Access token in HEADER access_token DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call"),
    line("split-3", "08:00:00", "Orders", 'INFO [callId=ID] Response: 200 body="{}"'),
  ].join("\n");
  const upload = await request.post("/api/uploads", { multipart: { file: { name: "split.log", mimeType: "text/plain", buffer: Buffer.from(trace) } } });
  expect(upload.status()).toBe(201);
  try {
    await open(page, "/calls/split-2");
    await expect(page.locator(".credential-history")).toContainText(
      "Accepted by Orders and refused by Payments over the same period: the gateway takes it for some APIs and not for others (their plans or resources).",
    );
  } finally {
    await request.delete(`/api/uploads/${(await upload.json()).uploadId}`);
  }
});
