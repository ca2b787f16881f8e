import { describe, expect, it } from "vitest";
import { elementOf } from "./credential-terms";
import { readResponseVerdict, readTraceVerdict, verdictDespiteWhitespace } from "./gateway-messages";

describe("trace lines that reject a call", () => {
  it("reads HAS NOT BEEN FOUND, with or without the serial comma", () => {
    const withComma = "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call";
    const withoutComma = "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired or revoked); rejecting call";
    for (const line of [withComma, withoutComma]) {
      expect(readTraceVerdict(line)).toEqual({ says: "not_found", label: "Access token", location: "header", name: "access_token" });
    }
  });

  it("reads DOES NOT HAVE ACCESS TO THIS RESOURCE", () => {
    expect(readTraceVerdict("Client Id in HEADER client_id DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call")).toEqual({
      says: "no_access",
      label: "Client Id",
      location: "header",
      name: "client_id",
    });
  });

  it("matches keywords in any case and with any spacing, keeping the label's and name's case", () => {
    expect(readTraceVerdict("APP  in  cookie   X-App-Key has not been found (causes: is invalid, expired, or revoked) ; Rejecting Call")).toEqual({
      says: "not_found",
      label: "APP",
      location: "cookie",
      name: "X-App-Key",
    });
  });

  it.each([
    ["QUERYPARAM", "query"],
    ["queryParam", "query"],
    ["QUERY_PARAM", "query"],
    ["QUERY PARAM", "query"],
    ["QUERY  PARAM", "query"],
    ["QUERY", "query"],
    ["Header", "header"],
    ["COOKIE", "cookie"],
  ])("reads the location %s as %s", (written, location) => {
    expect(readTraceVerdict(`Session Token in ${written} sid DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call`)).toMatchObject({ location, name: "sid" });
  });

  it("reads past an [Interceptor] prefix", () => {
    expect(readTraceVerdict("[OAuth] Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call")).toMatchObject({
      label: "Access token",
    });
    expect(readTraceVerdict("[Access Token Validation] Access Token in HEADER Authorization DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call")).toMatchObject({
      label: "Access Token",
      name: "Authorization",
    });
  });

  it("ignores lines that reject nothing", () => {
    expect(readTraceVerdict("Running interceptor: OAuth")).toBeNull();
    expect(readTraceVerdict("Access token in HEADER access_token accepted")).toBeNull();
    expect(readTraceVerdict("Client Id in the request, identified by HEADER client_id, is invalid. Check docs.sensedia.com")).toBeNull();
  });
});

describe("response bodies", () => {
  it("reads `is invalid` in plain text, wrapped in JSON and in other text", () => {
    const expected = { says: "invalid", label: "X-Api-Key", location: "query", name: "apikey" };
    const plain = "X-Api-Key in the request, identified by QUERYPARAM apikey, is invalid. Check docs.sensedia.com";
    expect(readResponseVerdict(plain)).toEqual(expected);
    expect(readResponseVerdict(JSON.stringify({ message: plain }))).toEqual(expected);
    expect(readResponseVerdict(`Unauthorized: ${plain}`)).toEqual(expected);
    expect(readResponseVerdict(`401 Unauthorized - ${plain}`)).toEqual(expected);
  });

  it("keeps a hyphenated label whole, and reads one after a spaced ` - ` separator", () => {
    expect(readResponseVerdict("Access Token in the request, identified by HEADER access_token, is invalid")).toMatchObject({ label: "Access Token" });
    expect(readTraceVerdict("OAuth - Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired or revoked); rejecting call")).toMatchObject({
      says: "not_found",
      label: "Access token",
    });
    expect(readTraceVerdict("check failed: X-Api-Key in QUERY apikey DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call")).toMatchObject({ label: "X-Api-Key" });
  });

  it("reads `Could not find a required ...` as a missing credential", () => {
    expect(readResponseVerdict('{"error":"Could not find a required Access Token in the request, identified by HEADER access_token"}')).toEqual({
      says: "missing",
      label: "Access Token",
      location: "header",
      name: "access_token",
    });
  });

  it("leaves the words of an HTTP status run into a label out of it, and keeps a designer's label whole", () => {
    expect(readResponseVerdict("HTTP 401 Client Id in the request, identified by HEADER client_id, is invalid")).toMatchObject({ label: "Client Id" });
    expect(readResponseVerdict("Unauthorized APP in the request, identified by QUERY app_key, is invalid")).toMatchObject({ label: "APP" });
    expect(readTraceVerdict("401 Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call")).toMatchObject({
      label: "Access token",
    });
    expect(readResponseVerdict("HTTP/1.1 401 Partner Key in the request, identified by HEADER x-partner, is invalid")).toMatchObject({ label: "Partner Key" });
    for (const label of ["Refresh Access Token", "Partner Client Id", "Partner APP", "Partner Key", "HTTP Signature", "Error Code", "3 DS Token"]) {
      expect(readResponseVerdict(`${label} in the request, identified by HEADER x-partner, is invalid`)).toMatchObject({ label });
    }
  });

  it("keeps the label apart from the name: Client Id identified by app_token", () => {
    expect(readResponseVerdict("Client Id in the request, identified by HEADER app_token, is invalid. Check docs.sensedia.com")).toMatchObject({
      label: "Client Id",
      name: "app_token",
    });
  });

  it("finds nothing in a body the gateway's credential rules did not write", () => {
    expect(readResponseVerdict('{"error":"Unauthorized"}')).toBeNull();
  });
});

describe("elements", () => {
  it.each([
    ["Access Token", "access_token"],
    ["Access token", "access_token"],
    ["Client Id", "client_id"],
    ["APP", "client_id"],
    ["X-Api-Key", "custom"],
    ["Session Token", "custom"],
  ])("%s is %s", (label, element) => expect(elementOf(label)).toBe(element));
});

describe("verdictDespiteWhitespace: the gateway's own verdict beside a credential sent with whitespace", () => {
  it("says the app still lacks access when the gateway recognised the credential, and that the whitespace explains a credential not found", () => {
    expect(verdictDespiteWhitespace("2026-11-20T14:03:12Z WARN [callId=e2] Client Id in HEADER client_id DOES NOT HAVE ACCESS TO THIS RESOURCE; rejecting call")).toMatch(/still recognised the credential.*app also needs access/);
    expect(verdictDespiteWhitespace("Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call")).toMatch(/whitespace alone explains/);
    expect(verdictDespiteWhitespace("Running interceptor: OAuth")).toBeNull();
  });
});
