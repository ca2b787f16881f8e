import { expect, test, type Page } from "@playwright/test";
import { open } from "./support/open";

// Two nodes' logs, each its own upload, their gateway lines marked "ev14" to tell them from other specs' events.
const nodeA = [
  "2026-11-23T09:00:00Z INFO Gateway node ev14-gw-1 reloaded 3 APIs",
  `2026-11-23T09:00:30Z INFO [callId=ev14-call] Request: GET /loans/v1/offers api="Loans"`,
  "2026-11-23T09:01:00Z WARN Token store ev14-tokens slow to answer",
  "2026-11-23T09:02:00Z ERROR Token store ev14-tokens unreachable, retrying <b>in 5 s</b>",
].join("\n");
// The other node's log and its rotated file, one upload named after the first.
const nodeB = { "ev14-node-b.log": "2026-11-23T09:01:30Z FATAL Gateway node ev14-gw-9 out of memory\n", "ev14-node-b.log.1": `2026-11-23T08:00:00Z INFO [callId=ev14-call-b] Request: GET /loans/v1/offers api="Loans"\n` };

const uploads: Record<string, string> = {};

test.use({ timezoneId: "UTC" });
test.beforeAll(async ({ request }) => {
  for (const [name, files] of [["ev14-node-a.log", { "ev14-node-a.log": nodeA }], ["ev14-node-b.log and 1 more", nodeB]] as const) {
    const multipart = new FormData();
    for (const [file, text] of Object.entries(files)) multipart.append("file", new Blob([text]), file);
    const response = await request.post("/api/uploads", { multipart });
    expect(response.status()).toBe(201);
    uploads[name] = (await response.json()).uploadId;
  }
});
test.afterAll(async ({ request }) => {
  for (const id of Object.values(uploads)) await request.delete(`/api/uploads/${id}`);
});

const lines = (page: Page) => page.getByRole("list", { name: "Trace" }).getByRole("listitem");

test("every upload's gateway events, newest first, each as text with its file, upload and the calls around it, narrowed by level and text in the URL", async ({ page }) => {
  await open(page, "/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events", exact: true }).click();
  await expect(page).toHaveURL(/\/events$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gateway events");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Events", exact: true })).toHaveAttribute("aria-current", "page");

  await page.getByRole("searchbox", { name: "Search gateway events" }).fill("EV14");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/events\?q=EV14$/);
  await expect(lines(page)).toHaveCount(4);
  await expect(page.getByTestId("position")).toHaveText("1–4 of 4, newest first");
  const newest = lines(page).first();
  await expect(newest).toContainText("ERROR Token store ev14-tokens unreachable, retrying <b>in 5 s</b>");
  await expect(page.locator(".trace b")).toHaveCount(0);
  // Its upload, of one file named as it is: the upload's link names the file.
  await expect(newest.locator(".trace-file")).toHaveCount(0);
  await expect(newest.locator(".trace-time")).toHaveText("2026-11-23 09:02:00.000");
  await expect(newest.locator(".trace-level")).toHaveText("ERROR");
  await expect(newest.getByRole("link", { name: "ev14-node-a.log" })).toHaveAttribute("href", `/uploads/${uploads["ev14-node-a.log"]}`);
  await expect(newest.getByRole("link", { name: "calls around this time" })).toHaveAttribute("href", "/?from=2026-11-23T09%3A01%3A00.000Z&to=2026-11-23T09%3A07%3A00.000Z");
  // The other node's line, between the first node's by time, its upload of two files named beside its file.
  const otherNode = lines(page).nth(1);
  await expect(otherNode).toContainText("FATAL Gateway node ev14-gw-9 out of memory");
  await expect(otherNode.locator(".trace-file")).toHaveText("ev14-node-b.log");
  await expect(otherNode.getByRole("link", { name: "ev14-node-b.log and 1 more" })).toHaveAttribute("href", `/uploads/${uploads["ev14-node-b.log and 1 more"]}`);

  const level = page.getByRole("group", { name: "Level" });
  await level.getByRole("button", { name: "ERROR or FATAL" }).click();
  await expect(page).toHaveURL(/\/events\?q=EV14&level=error$/);
  await expect(level.getByRole("button", { name: "ERROR or FATAL" })).toHaveAttribute("aria-pressed", "true");
  await expect(lines(page)).toHaveCount(2);
  await level.getByRole("button", { name: "WARN" }).click();
  await expect(page).toHaveURL(/level=error&level=warn$/);
  await expect(lines(page)).toHaveCount(3);
  await level.getByRole("button", { name: "ERROR or FATAL" }).click();
  await expect(lines(page)).toHaveCount(1);
  await expect(lines(page).first()).toContainText("slow to answer");

  // The explorer's time ranges; a window of the upload's morning holds it, one after it does not.
  await page.getByRole("group", { name: "Time range" }).getByRole("button", { name: "15 min" }).click();
  await expect(page).toHaveURL(/range=15m/);
  await open(page, "/events?q=ev14&from=2026-11-23T09:01:00Z&to=2026-11-23T09:02:00Z");
  await expect(lines(page)).toHaveText([/ev14-gw-9 out of memory/, /ev14-tokens slow to answer/]);
  await expect(page.getByRole("group", { name: "Time range" }).getByRole("button", { pressed: true })).toHaveCount(0);
  await open(page, "/events?q=ev14&from=2026-11-23T10:00:00Z");
  await expect(page.getByText("No gateway events match these filters.")).toBeVisible();
});

test("a link with a wrong value lists the events under the rest of it and says what it ignored", async ({ page }) => {
  await open(page, "/events?q=ev14&level=debug");
  await expect(page.locator(".ignored-notice")).toContainText('"level": "debug" is not an event level');
  await expect(lines(page)).toHaveCount(4);
  await page.getByRole("button", { name: "Remove it from the link" }).click();
  await expect(page).toHaveURL(/\/events\?q=ev14$/);
});

test("a search of calls that finds none, where the gateway's own lines name it, links to those events", async ({ page }) => {
  await open(page, "/?q=ev14-gw-9");
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
  await page.getByRole("link", { name: "see the gateway events that do" }).click();
  await expect(page).toHaveURL(/\/events\?q=ev14-gw-9$/);
  await expect(lines(page)).toHaveCount(1);
  await expect(lines(page).first()).toContainText("FATAL Gateway node ev14-gw-9 out of memory");
  // A search that finds calls, or nothing at all, says nothing of events.
  await open(page, "/?q=nothing-logs-this");
  await expect(page.getByText("No calls match these filters.")).toBeVisible();
  await expect(page.getByRole("link", { name: "see the gateway events that do" })).toHaveCount(0);
});
