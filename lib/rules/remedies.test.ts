import { describe, expect, it } from "vitest";
import { CAUSE_ORDER, CAUSES, remedyFor } from "./index";

const clientId = { element: "client_id", label: "Client Id", location: "header", name: "client_id" } as const;
const accessToken = { element: "access_token", label: "Access token", location: "header", name: "access_token" } as const;

describe("what to do about a rejection", () => {
  it("tells a client ID the gateway does not know to be checked, not renewed: an ID does not expire", () => {
    const remedy = remedyFor("invalid_expired_revoked", { credential: clientId, app: "Partner Portal", api: "Orders" });
    expect(remedy).toContain("Check the client ID the app Partner Portal sends");
    expect(remedy).not.toMatch(/request a new|refresh it/i);
    expect(remedyFor("invalid_expired_revoked", { credential: accessToken })).toMatch(/^Request a new token/);
  });

  it("names the app and the API whose plan lacks the grant", () => {
    expect(remedyFor("no_resource_access", { credential: clientId, app: "Partner Portal", api: "Orders" })).toBe(
      "Grant the app Partner Portal access to the Orders API's plan or resource in the gateway (or use an app that has it).",
    );
    expect(remedyFor("no_resource_access", { app: null, api: "Payments API" })).toBe(
      "Grant the app access to the Payments API's plan or resource in the gateway (or use an app that has it).",
    );
  });

  it("names the credential the gateway looked for, and where", () => {
    expect(remedyFor("missing_credential", { credential: { ...accessToken, label: "Access Token" } })).toMatch(
      /^Send the Access Token in header access_token: the gateway looks for it under that exact name, in that place/,
    );
  });

  it("names a credential whose label only repeats its name once: the header Authorization, not the Authorization in header Authorization", () => {
    const authorization = { element: "custom", label: "Authorization", location: "header", name: "Authorization" } as const;
    expect(remedyFor("invalid_expired_revoked", { credential: authorization })).toMatch(/^Check that the header Authorization holds/);
  });

  it("reads, without a call's names, as words that fit any call", () => {
    for (const cause of CAUSE_ORDER) expect(CAUSES[cause].remedy).not.toMatch(/[{}]/);
    expect(CAUSES.no_resource_access.remedy).toBe("Grant the app access to this API's plan or resource in the gateway (or use an app that has it).");
  });
});
