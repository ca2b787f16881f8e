import { describe, expect, it } from "vitest";
import { sentElsewhere } from "./sent-elsewhere";

const expected = { element: "access_token", location: "header", name: "access_token" } as const;

describe("a missing credential sent elsewhere", () => {
  it("is the same name in another place, or in another spelling", () => {
    const carried = [
      { location: "query", name: "access_token" },
      { location: "header", name: "X-Access-Token" },
      { location: "cookie", name: "session" },
      { location: "header", name: "client_id" },
    ] as const;
    expect(sentElsewhere(expected, carried)).toEqual([carried[0], carried[1]]);
  });

  it("is a token in the Authorization header where an access token is wanted, and only then", () => {
    const authorization = [{ location: "header", name: "Authorization" }] as const;
    expect(sentElsewhere(expected, authorization)).toEqual(authorization);
    expect(sentElsewhere({ element: "client_id", location: "header", name: "client_id" }, authorization)).toEqual([]);
  });

  it("is never the credential the gateway looked for itself", () => {
    expect(sentElsewhere(expected, [{ location: "header", name: "access_token" }])).toEqual([]);
  });
});
