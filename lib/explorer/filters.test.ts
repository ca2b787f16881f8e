import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "./cursor";
import { parseCallFilters, parseCallFiltersLeniently } from "./filters";
import { InvalidFilterError } from "./url-parameters";

describe("the explorer's URL contract", () => {
  // The server's own zone must not change what a shared link means.
  const zone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = "America/Sao_Paulo";
  });
  afterAll(() => {
    process.env.TZ = zone;
  });

  it.each([
    ["2026-11-20T14:00:00", "2026-11-20T14:00:00.000Z"],
    ["2026-11-20T14:00", "2026-11-20T14:00:00.000Z"],
    ["2026-11-20T14:00:00Z", "2026-11-20T14:00:00.000Z"],
    ["2026-11-20T11:00:00-03:00", "2026-11-20T14:00:00.000Z"],
    ["2026-11-20", "2026-11-20T00:00:00.000Z"],
    // As a trace line writes it, copied from one.
    ["2026-11-20T14:03:11,482Z", "2026-11-20T14:03:11.482Z"],
    ["2026-11-20 14:03:11,482", "2026-11-20T14:03:11.482Z"],
    ["[2026-11-20 14:03:11,482]", "2026-11-20T14:03:11.482Z"],
    ["1795183200000", "2026-11-20T14:00:00.000Z"],
  ])("reads from=%s as %s (no zone means UTC, as in the traces)", (value, expected) => {
    expect(parseCallFilters(new URLSearchParams({ from: value })).from?.toISOString()).toBe(expected);
  });

  it("takes repeated parameters as any of their values, and names an unknown one", () => {
    expect(parseCallFilters(new URLSearchParams("cause=unknown&cause=no_resource_access")).cause).toEqual(["unknown", "no_resource_access"]);
    expect(() => parseCallFilters(new URLSearchParams("colour=red"))).toThrow(new InvalidFilterError("colour", 'unknown parameter "colour"'));
  });

  it("takes missing=<field> and not_missing=<field> for calls without a value in any facet field, free-text values apart", () => {
    const filters = parseCallFilters(new URLSearchParams("missing=api&missing=name&api=none&not_missing=interceptor"));
    expect([filters.missing, filters.not_missing, filters.api]).toEqual([["api", "name"], ["interceptor"], ["none"]]);
  });

  it("reads an interceptor's name in any case and spacing as the gateway reports it, so interceptor=oauth finds the OAuth calls", () => {
    expect(parseCallFilters(new URLSearchParams("interceptor=oauth&not_interceptor=jwt%20%20VALIDATION")).interceptor).toEqual(["OAuth"]);
    expect(parseCallFilters(new URLSearchParams("not_interceptor=jwt%20%20VALIDATION")).not_interceptor).toEqual(["JWT Validation"]);
  });

  it("reads status=none as missing=status, the one filter for calls with no response, beside the statuses given", () => {
    const filters = parseCallFilters(new URLSearchParams("status=none&status=401&missing=api"));
    expect([filters.status, filters.missing, filters.not_status, filters.not_missing]).toEqual([[401], ["api", "status"], undefined, undefined]);
    const leftOut = parseCallFilters(new URLSearchParams("not_status=none&not_status=500"));
    expect([leftOut.not_status, leftOut.not_missing]).toEqual([[500], ["status"]]);
    expect(parseCallFilters(new URLSearchParams("status=none&missing=status")).missing).toEqual(["status"]);
    expect(parseCallFilters(new URLSearchParams("status=none"))).toEqual(parseCallFilters(new URLSearchParams("missing=status")));
  });

  const refusal = (query: string) => {
    try {
      parseCallFilters(new URLSearchParams(query));
    } catch (error) {
      if (error instanceof InvalidFilterError) return { parameter: error.parameter, message: error.message };
      throw error;
    }
    throw new Error(`${query} was accepted`);
  };

  it.each([
    ["cause=bogus", '"cause": "bogus" is not a known cause; known: missing_credential (Credential missing), malformed_credential (Credential sent with extra whitespace)'],
    ["not_cause=bogus", '"not_cause": "bogus" is not a known cause; known: missing_credential (Credential missing)'],
    ["from=yesterday", '"from": "yesterday" is not a date or time (use 2026-11-20, 2026-11-20T14:00 or a time copied from a trace line, read as UTC unless a zone such as Z or -03:00 ends it)'],
    ["from=0000-01-01", '"from": "0000-01-01" is not a date or time (use 2026-11-20, 2026-11-20T14:00 or a time copied from a trace line, read as UTC unless a zone such as Z or -03:00 ends it)'],
    ["status=abc", '"status": "abc" is not an HTTP status from 100 to 599, or "none"'],
    ["limit=0", '"limit": "0" is not a whole number from 1 to 1000'],
    ["sort=colour", '"sort": "colour" is not a sort; known: time, -time, status, -status'],
    ["from=2026-11-21&to=2026-11-20", '"to": "2026-11-20" is not a time after "from"'],
    ["from=2026-11-20&to=2026-11-20", '"to": "2026-11-20" is not a time after "from"'],
    ["range=15m&from=2026-11-20", '"range": "15m" is not a time range given with "from" or "to"; use one or the other'],
    ["api=Payments&not_api=Orders&not_api=Payments", '"not_api": "Payments" is not to be left out while "api" keeps it: a value is kept or left out, not both'],
    ["missing=status&not_missing=status", '"not_missing": "status" is not to be left out while "missing" keeps it: a value is kept or left out, not both'],
    ["status=none&not_status=none", '"not_status": "none" is not to be left out while "status" keeps it: a value is kept or left out, not both'],
    ["missing=colour", '"missing": "colour" is not a facet field; known: cause (Cause), status (Status), element (Credential element), location (Credential location), name (Credential name), api (API), app (App), agent (User-Agent), method (Method), interceptor (Interceptor)'],
    ["not_missing=none", '"not_missing": "none" is not a facet field; known: cause (Cause), status (Status)'],
    ["missing=", '"missing": "" is not a facet field'],
    ["interceptor=Nope", '"interceptor": "Nope" is not a token-validation interceptor, in any case; known: OAuth, Access Token Validation, JWT Validation'],
  ])("refuses %s in plain words, naming the parameter and the value", (query, words) => {
    expect(refusal(query).message).toContain(words);
  });

  const cursorOf = (value: unknown, callRef: unknown = "a91", offset: unknown = 50, direction: unknown = "after") =>
    Buffer.from(JSON.stringify([value, callRef, offset, direction])).toString("base64url");

  it.each([
    ["xyz", "-time"],
    [cursorOf("abc"), "-time"],
    [cursorOf("abc"), "status"],
    [cursorOf(401.5), "status"],
    [cursorOf(401), "api"],
    [cursorOf("2026-11-20T14:03:11.482Z", 7), "-time"],
    // Its position and direction are checked too: a page cannot start before the first row, or lie sideways.
    [cursorOf(401, "a91", -50), "status"],
    [cursorOf(401, "a91", 2.5), "status"],
    [cursorOf(401, "a91", 50, "around"), "status"],
    // The form of cursors made before a page knew its position (no offset nor direction).
    [Buffer.from(JSON.stringify([401, "a91"])).toString("base64url"), "status"],
  ])("refuses cursor %s for sort=%s, naming \"cursor\" (its value would not fit the sort column)", (cursor, sort) => {
    expect(refusal(`sort=${sort}&cursor=${cursor}`)).toEqual({ parameter: "cursor", message: expect.stringContaining('"cursor"') });
  });

  it.each([
    [{ value: "2026-11-20T14:03:11.482Z", callRef: "a91", offset: 50, direction: "after" as const }, "-time"],
    [{ value: 401, callRef: "a91", offset: 100, direction: "before" as const }, "status"],
    [{ value: null, callRef: "i9", offset: 0, direction: "before" as const }, "status"],
    [{ value: "Payments", callRef: "a91", offset: 3, direction: "after" as const }, "-api"],
  ])("takes back a cursor it made (%o for sort=%s)", (cursor, sort) => {
    expect(parseCallFilters(new URLSearchParams({ sort, cursor: encodeCursor(cursor) })).cursor).toEqual(cursor);
  });

  it("for a page, drops the one of two contradicting time parameters that it names, and keeps the other", () => {
    const { filters, ignored } = parseCallFiltersLeniently({ range: "15m", from: "2026-11-20" });
    expect([filters.range, filters.from?.toISOString()]).toEqual([undefined, "2026-11-20T00:00:00.000Z"]);
    expect(ignored.map(({ parameter }) => parameter)).toEqual(["range"]);
  });

  it("for a page, drops a missing=<field> it cannot use, names it, and keeps the others", () => {
    const { filters, ignored } = parseCallFiltersLeniently({ missing: ["API", "api"], not_missing: "nobody" });
    expect([filters.missing, filters.not_missing]).toEqual([["api"], undefined]);
    expect(ignored).toEqual([
      { parameter: "missing", value: "API", reason: expect.stringContaining('"missing": "API" is not a facet field; known: cause (Cause)') },
      { parameter: "not_missing", value: "nobody", reason: expect.stringContaining('"not_missing": "nobody" is not a facet field') },
    ]);
  });

  it("for a page, drops only the values it cannot use and says why for each", () => {
    const { filters, ignored } = parseCallFiltersLeniently({ cause: ["bogus", "unknown"], api: "Payments", from: "yesterday", cursor: "xyz" });
    expect([filters.cause, filters.api, filters.from, filters.cursor]).toEqual([["unknown"], ["Payments"], undefined, undefined]);
    expect(ignored).toEqual([
      { parameter: "cause", value: "bogus", reason: expect.stringContaining('"cause": "bogus" is not a known cause') },
      { parameter: "from", value: "yesterday", reason: expect.stringContaining('"from": "yesterday" is not a date or time') },
      { parameter: "cursor", value: "xyz", reason: expect.stringContaining('"cursor": "xyz" is not a page cursor for this sort') },
    ]);
  });
});
