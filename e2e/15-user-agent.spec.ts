import { expect, test, type Page } from "@playwright/test";
import { open } from "./support/open";
import { useUploadedTrace } from "./support/uploaded-trace";

// "Which client sends the bad token?": the User-Agent a call logged, as a facet, on the call's page and behind a burst.
const OKHTTP = "okhttp/4.12.0";
const IOS = "Wallet/5.2.0 (iPhone; iOS 17.1)";
const INVALID = "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call";

/** A call refused at 09:00:0S on 2026-10-02 (a day no other test stores), its client saying `agent`. */
function refused(id: string, second: number, agent: string): string {
  const at = (ms: number) => `2026-10-02T09:00:0${second}.00${ms}Z`;
  return [
    `${at(0)} INFO [callId=${id}] Request: GET /cards/v1/limits api="Cards" app="Wallet"`,
    `${at(1)} DEBUG [callId=${id}] Request header User-Agent: "${agent}"`,
    `${at(2)} DEBUG [callId=${id}] Request header access_token: "T0ken-${id}-xxxxxxxxxxxxxxxx"`,
    `${at(3)} WARN [callId=${id}] ${INVALID}`,
  ].join("\n");
}

const BURST = [...[0, 1, 2, 3, 4].map((n) => refused(`ua-ok-${n}`, n, OKHTTP)), refused("ua-ios-0", 5, IOS), ""].join("\n");
const WITHOUT_AGENTS = '2026-10-03T09:00:00.000Z INFO [callId=ua-none] Request: GET /cards/v1/limits api="Cards" app="Wallet"\n';

const burst = useUploadedTrace("agents.log", BURST);
const quiet = useUploadedTrace("no-agents.log", WITHOUT_AGENTS);

const facet = (page: Page, title: string) => page.getByRole("complementary", { name: "Facets" }).getByRole("region", { name: title, exact: true });

test("the User-Agent facet counts each client and filters to one; a trace that logs none shows no such facet", async ({ page }) => {
  await open(page, `/?upload=${burst()}`);
  const agents = facet(page, "User-Agent");
  await expect(agents.locator("button.facet-value")).toHaveText([`${OKHTTP}5`, `${IOS}1`]);
  await agents.getByRole("button", { name: new RegExp(`^${OKHTTP}`) }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("agent") === OKHTTP);
  await expect(page.getByTestId("total")).toHaveText("5");
  await expect(page.getByRole("list", { name: "Active filters" })).toContainText(`User-Agent = ${OKHTTP}`);

  await open(page, `/?upload=${quiet()}`);
  await expect(facet(page, "App")).toBeVisible();
  await expect(facet(page, "User-Agent")).toHaveCount(0);
});

test("a call's page names its User-Agent, and a burst names the client that sent most of it, one click from those calls", async ({ page }) => {
  await open(page, "/calls/ua-ok-2");
  await expect(page.getByRole("region", { name: "Call details" })).toContainText(`User-Agent${OKHTTP}`);
  const burst = page.getByRole("complementary", { name: "Rejections for this reason around this call" });
  await expect(burst).toContainText(`5 of them came from User-Agent ${OKHTTP}: look first at what changed in that client.`);
  await burst.getByRole("link", { name: OKHTTP }).click();
  await expect(page).toHaveURL((url) => url.searchParams.get("agent") === OKHTTP && url.searchParams.get("cause") === "invalid_expired_revoked");
  await expect(page.getByTestId("total")).toHaveText("5");
});
