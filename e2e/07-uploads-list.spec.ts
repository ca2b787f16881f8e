import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { open } from "./support/open";
import { ensureSamplesStored } from "./support/samples";

// Two uploads that share a call: the first saw only its request (not a
// rejection), the second brings the gateway's refusal, which re-classifies it.
const first = (prefix: string) =>
  [
    `2026-11-23T10:00:00Z INFO [callId=${prefix}-shared] Request: GET /loans/v1/offers api="Loans" app="Branch"`,
    `2026-11-23T10:00:01Z INFO [callId=${prefix}-own] Request: GET /loans/v1/offers api="Loans" app="Branch"`,
    `2026-11-23T10:00:01Z INFO [callId=${prefix}-own] Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"`,
  ].join("\n");
const second = (prefix: string) =>
  `2026-11-23T10:00:00Z INFO [callId=${prefix}-shared] Response: 401 body="Could not find a required Access Token in the request, identified by HEADER access_token"\n`;

async function store(request: APIRequestContext, name: string, text: string): Promise<string> {
  const response = await request.post("/api/uploads", { multipart: { file: { name, mimeType: "text/plain", buffer: Buffer.from(text) } } });
  expect(response.status()).toBe(201);
  return (await response.json()).uploadId;
}

const row = (page: Page, name: string) => page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });

// Other calls stay stored throughout, as in use: removing these uploads never empties the dashboard.
test.beforeAll(async ({ request }) => ensureSamplesStored(request));

test("an upload's rejections are labelled as counted when uploaded, and its link shows them as they are now", async ({ page, request }) => {
  const ids = [await store(request, "stale-a.log", first("stale")), await store(request, "stale-b.log", second("stale"))];
  try {
    await open(page, "/uploads");
    await expect(page.getByRole("columnheader", { name: "Rejections when uploaded" })).toBeVisible();
    const cell = row(page, "stale-a.log").getByRole("cell").filter({ has: page.getByRole("link", { name: "see them now", exact: true }) });
    await expect(cell).toHaveText(/^1\b/);
    await cell.getByRole("link").click();
    await expect(page).toHaveURL(/[?&]rejected=true/);
    await expect(page.getByTestId("total")).toHaveText("2");
    await expect(page.getByRole("list", { name: "Active filters" })).toContainText("Upload = stale-a.log");
  } finally {
    for (const id of ids.reverse()) await request.delete(`/api/uploads/${id}`);
  }
});

test("removing an upload says how many calls went and how many were re-classified, and the row goes", async ({ page, request }) => {
  await store(request, "remove-a.log", first("remove"));
  await store(request, "remove-b.log", second("remove"));
  await open(page, "/uploads");
  const status = page.getByRole("status");

  // Asked first, with what it would do; "Keep it" changes nothing.
  await row(page, "remove-b.log").getByRole("button", { name: "Remove" }).click();
  const question = page.getByRole("group", { name: "Remove upload remove-b.log?" });
  await expect(question).toContainText("0 calls only it brought are deleted; 1 call it shares with other uploads is re-classified on what they hold.");
  await question.getByRole("button", { name: "Keep it" }).click();
  await expect(question).toHaveCount(0);
  await expect(row(page, "remove-b.log")).toHaveCount(1);

  await row(page, "remove-b.log").getByRole("button", { name: "Remove" }).click();
  await expect(question.getByRole("button", { name: "Remove upload" })).toBeFocused();
  await question.getByRole("button", { name: "Remove upload" }).click();
  await expect(status).toHaveText('Removed upload "remove-b.log": 0 calls removed, 1 re-classified.');
  await expect(row(page, "remove-b.log")).toHaveCount(0);

  await row(page, "remove-a.log").getByRole("button", { name: "Remove" }).click();
  const questionOfA = page.getByRole("group", { name: "Remove upload remove-a.log?" });
  await expect(questionOfA).toContainText("2 calls only it brought are deleted; 0 calls it shares with other uploads are re-classified");
  await questionOfA.getByRole("button", { name: "Remove upload" }).click();
  await expect(status).toHaveText('Removed upload "remove-a.log": 2 calls removed, 0 re-classified.');
  await expect(row(page, "remove-a.log")).toHaveCount(0);
});

test("a removal that fails says why and leaves the button usable", async ({ page, request }) => {
  const id = await store(request, "remove-fails.log", first("fails"));
  try {
    await open(page, "/uploads");
    const remove = row(page, "remove-fails.log").getByRole("button", { name: "Remove" });
    const alert = page.getByRole("region", { name: "Past uploads" }).getByRole("alert");

    await page.route("**/api/uploads/*", (route) =>
      route.fulfill({ status: 500, json: { error: { code: "internal", message: "the server could not complete the request" } } }),
    );
    const confirm = page.getByRole("group", { name: "Remove upload remove-fails.log?" }).getByRole("button", { name: "Remove upload" });
    await remove.click();
    await confirm.click();
    await expect(alert).toHaveText('Could not remove "remove-fails.log": the server could not complete the request.');
    await expect(remove).toBeEnabled();

    await page.unrouteAll();
    await page.route("**/api/uploads/*", (route) => route.abort("connectionrefused"));
    await remove.click();
    await confirm.click();
    await expect(alert).toHaveText('Could not remove "remove-fails.log": the server could not be reached.');
    await expect(remove).toBeEnabled();
    await expect(row(page, "remove-fails.log")).toHaveCount(1);
  } finally {
    await request.delete(`/api/uploads/${id}`);
  }
});

test("a link to a removed upload says so in its chip instead of showing an unexplained empty view", async ({ page, request }) => {
  const id = await store(request, "gone.log", first("gone"));
  await request.delete(`/api/uploads/${id}`);
  await open(page, `/?upload=${id}`);
  await expect(page.getByTestId("total")).toHaveText("0");
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(`Upload = a removed upload (${id.slice(0, 8)}…)`);
});

test("on a 1280 px laptop the uploads table fits its card: no sideways scroll hides an upload's Remove button", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, "/uploads");
  const scroller = page.getByRole("region", { name: "Past uploads" }).locator(".table-scroll");
  expect(await scroller.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await expect(page.getByRole("button", { name: "Remove" }).first()).toBeInViewport({ ratio: 1 });
});

test("an upload's row says when its lines were written, and its gateway events (lines that name no call) open from it, as text", async ({ page, request }) => {
  const events = [
    "2026-11-23T09:00:00Z WARN Token store tokens-db unreachable, retrying <b>in 5 s</b>",
    "2026-11-23T09:00:05Z INFO Token store tokens-db reachable again",
    `2026-11-23T09:00:01Z INFO [callId=evt-1] Request: GET /loans/v1/offers api="Loans"`,
  ].join("\n");
  const id = await store(request, "events.log", events);
  try {
    await open(page, "/uploads");
    // When its lines were written, not when it was stored: the events' and the call's times alike (in UTC, as they were written).
    await page.getByRole("group", { name: "Show times in" }).getByRole("button", { name: "UTC" }).click();
    await expect(row(page, "events.log").locator(".col-written")).toHaveText("2026-11-23 09:00:00 → 09:00:05");
    await row(page, "events.log").getByRole("link", { name: "2", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Upload events.log");
    // What the upload brought, file by file, beside its events.
    const summary = page.getByRole("region", { name: "Upload summary" });
    await expect(summary).toContainText("Log time span2026-11-23 09:00:00 → 09:00:05");
    await expect(summary).toContainText("1 added, 0 updated");
    await expect(summary.getByRole("row", { name: /events\.log/ })).toHaveText(/events\.log\s*Text\s*\d+ B\s*3/);
    await expect(summary.getByRole("link", { name: "the calls of this upload →" })).toHaveAttribute("href", `/?upload=${id}`);
    const lines = page.getByRole("list", { name: "Trace" }).getByRole("listitem");
    await expect(lines).toHaveCount(2);
    await expect(lines.first()).toContainText("Token store tokens-db unreachable, retrying <b>in 5 s</b>");
    // Which file logged it, though the upload has one: an upload's events may come from many.
    await expect(lines.first().locator(".trace-file")).toHaveText("events.log");
    await expect(page.locator("b", { hasText: "in 5 s" })).toHaveCount(0);
  } finally {
    await request.delete(`/api/uploads/${id}`);
  }
});


test("an upload's gateway events past the first 1,000 are a Next page away, and Previous page comes back", async ({ page, request }) => {
  const events = Array.from({ length: 1_003 }, (_, i) => `2026-11-23T10:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z WARN Token store unreachable (attempt ${i + 1})`);
  const id = await store(request, "many-events.log", `${events.join("\n")}\n`);
  try {
    await open(page, `/uploads/${id}`);
    const position = page.getByTestId("position");
    const lines = page.getByRole("list", { name: "Trace" }).getByRole("listitem");
    await expect(position).toHaveText("1–1,000 of 1,003, in trace order");
    await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);

    await page.getByRole("link", { name: "Next page" }).click();
    await expect(position).toHaveText("1,001–1,003 of 1,003, in trace order");
    await expect(lines).toHaveCount(3);
    await expect(lines.first()).toContainText("(attempt 1001)");
    await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);

    await page.getByRole("link", { name: "Previous page" }).click();
    await expect(position).toHaveText("1–1,000 of 1,003, in trace order");
    await expect(page).toHaveURL(new RegExp(`/uploads/${id}$`));
  } finally {
    await request.delete(`/api/uploads/${id}`);
  }
});

test("an unknown upload, call or address answers 404 in the app's own layout, saying what is missing, with a way back", async ({ page }) => {
  const pages = [
    { url: "/uploads/nope", title: "No such upload", back: "Back to uploads", lands: "Uploads" },
    { url: `/uploads/${crypto.randomUUID()}`, title: "No such upload", back: "Back to uploads", lands: "Uploads" },
    { url: "/calls/no-such-call", title: "No such call", back: "Back to all calls", lands: "Calls" },
    { url: "/nowhere/at/all", title: "Page not found", back: "Back to all calls", lands: "Calls" },
  ];
  for (const { url, title, back, lands } of pages) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: title })).toBeVisible();
    await expect(page.getByText("This page could not be found")).toHaveCount(0);
    await page.getByRole("link", { name: back }).click();
    await expect(page.getByRole("heading", { level: 1, name: lands })).toBeVisible();
  }
});
