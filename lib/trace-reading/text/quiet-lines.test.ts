import { describe, expect, it } from "vitest";
import { traceMessage } from "../trace-message";
import { QuietLines } from "./quiet-lines";

const MESSAGES = [
  "Running interceptor: OAuth",
  "Interceptor JWT Validation accepted the call",
  "Routing to backend http://backend-1.internal:8080",
  "Access token in HEADER access_token HAS NOT BEEN FOUND (causes: is invalid, expired, or revoked); rejecting call",
  "[Client ID Validation] Client Id in HEADER client_id DOES NOT HAVE ACCESS TO THIS RESOURCE",
  `Running interceptor: Digital Signature ${"x".repeat(300)}`,
  "running   interceptor: access token   validation",
  "",
];

/** What reading the whole message says: undefined when it rejects the call. */
function byRules(message: string): string | null | undefined {
  const { verdict, interceptor } = traceMessage(message, "");
  return verdict === null ? interceptor : undefined;
}

describe("QuietLines", () => {
  it("answers as the rules do, the first time and when the message comes again", () => {
    const quiet = new QuietLines();
    for (let round = 0; round < 3; round++) {
      for (const message of MESSAGES) expect(quiet.interceptorOf(message)).toBe(byRules(message));
    }
  });

  it("still answers as the rules do once it has forgotten what it knew", () => {
    const quiet = new QuietLines();
    const many = Array.from({ length: 3000 }, (_, i) => `Running interceptor: ${i % 2 === 0 ? "OAuth" : "CORS"} #${i}`);
    for (const message of [...many, ...many.slice(0, 50)]) expect(quiet.interceptorOf(message)).toBe(byRules(message));
  });
});
