import { describe, expect, it } from "vitest";
import { callsAroundHref, explorerHref, withFixedTimes, type ExplorerLinkFilters } from "./explorer-href";
import { parseCallFilters } from "./filters";

const UPLOAD = "7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e0f";

describe("links to an explorer view", () => {
  it.each<[ExplorerLinkFilters, string]>([
    [{}, "/"],
    [{ upload: UPLOAD }, `/?upload=${UPLOAD}`],
    [{ upload: UPLOAD, cause: "no_resource_access" }, `/?upload=${UPLOAD}&cause=no_resource_access`],
    [{ upload: UPLOAD, cause: undefined, rejected: null }, `/?upload=${UPLOAD}`],
    [{ fingerprint: "0a1b2c3d4e5f" }, "/?fingerprint=0a1b2c3d4e5f"],
    [{ rejected: true, status: [401, 403] }, "/?rejected=true&status=401&status=403"],
    // Values people typed or gateways logged are encoded, never spliced into the query.
    [{ app: "Mobile App", api: "a&b=c#d" }, "/?app=Mobile+App&api=a%26b%3Dc%23d"],
  ])("%o links to %s", (filters, href) => {
    expect(explorerHref(filters)).toBe(href);
  });

  it("makes links the explorer takes back as the same filters", () => {
    const href = explorerHref({ upload: UPLOAD, cause: ["missing_credential", "unknown"], not_app: "Mobile App", rejected: true });
    const filters = parseCallFilters(new URL(href, "http://tracelens.local").searchParams);
    expect([filters.upload, filters.cause, filters.not_app, filters.rejected]).toEqual([[UPLOAD], ["missing_credential", "unknown"], ["Mobile App"], true]);
  });

  it("fixes a relative range to the times it stood for, in a link the explorer takes (range and from together are refused)", () => {
    const fixed = withFixedTimes(new URLSearchParams("range=7d&api=Payments&sort=status"), { from: "2026-11-18T09:00:00.000Z", to: "2026-11-25T09:00:00.000Z" });
    expect(fixed.toString()).toBe("api=Payments&sort=status&from=2026-11-18T09%3A00%3A00.000Z&to=2026-11-25T09%3A00%3A00.000Z");
    const filters = parseCallFilters(fixed);
    expect([filters.range, filters.from?.toISOString(), filters.to?.toISOString(), filters.api]).toEqual([undefined, "2026-11-18T09:00:00.000Z", "2026-11-25T09:00:00.000Z", ["Payments"]]);
  });

  it("opens from a minute before a gateway event to five after it, in a window the explorer takes", () => {
    const href = callsAroundHref("2026-11-20T14:00:00.000Z");
    expect(href).toBe("/?from=2026-11-20T13%3A59%3A00.000Z&to=2026-11-20T14%3A05%3A00.000Z");
    const filters = parseCallFilters(new URL(href, "http://tracelens.local").searchParams);
    expect([filters.from?.toISOString(), filters.to?.toISOString()]).toEqual(["2026-11-20T13:59:00.000Z", "2026-11-20T14:05:00.000Z"]);
  });
});
