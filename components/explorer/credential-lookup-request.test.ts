import { describe, expect, it } from "vitest";
import { looksLikeCredential } from "./credential-lookup-request";

describe("looksLikeCredential: which searches are looked up by fingerprint before being searched as text", () => {
  it.each(["2YotnFZFEjr1zCsicMWpAA", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc123", "k-777-abc-def-ghi-42"])("%s is", (text) => {
    expect(looksLikeCredential(text)).toBe(true);
  });

  it.each(["7f3c9a1e-2b4d-4c8e-9f10-5a6b7c8d9e0f", "/payments/v2/charges/20519", "rejecting call", "HASNOTBEENFOUNDATALL", "2Yot…pAA", "short42"])("%s is not", (text) => {
    expect(looksLikeCredential(text)).toBe(false);
  });
});
