import type { Page } from "@playwright/test";

/** Opens a page and waits until it is interactive (see components/layout/hydration-mark.tsx). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}
