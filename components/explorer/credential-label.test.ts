import { describe, expect, it } from "vitest";
import { distinctCredentialLabels } from "./credential-label";

const credential = (name: string, preview: string) => ({ name, preview });

describe("distinctCredentialLabels: credentials listed together can be told apart", () => {
  it("adds the start of the fingerprint only to labels that would read the same", () => {
    const labels = distinctCredentialLabels([
      { fingerprint: "8923c3aa", credential: credential("client_id", "CLIE…XYZ") },
      { fingerprint: "10ff45bb", credential: credential("client_id", "CLIE…XYZ") },
      { fingerprint: "3bca5dcc", credential: credential("access_token", "2Yot…pAA") },
    ]);
    expect(labels).toEqual(["client_id CLIE…XYZ #8923c3", "client_id CLIE…XYZ #10ff45", "access_token 2Yot…pAA"]);
  });
});
