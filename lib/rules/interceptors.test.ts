import { describe, expect, it } from "vitest";
import { lastInterceptorNamed } from "./interceptors";

describe("lastInterceptorNamed", () => {
  it.each([
    ["Running interceptor: OAuth", "OAuth"],
    ["Executing interceptor Client ID Validation", "Client ID Validation"],
    ["[JWT Validation] validating credentials", "JWT Validation"],
    ["csrf validation started", "CSRF Validation"],
    ["Digital Signature checked, then Time Token Validation", "Time Token Validation"],
    ["Access Token Validation: lookup", "Access Token Validation"],
  ])("%s names %s", (line, name) => expect(lastInterceptorNamed(line)).toBe(name));

  it("names none in a line about another step or a credential", () => {
    expect(lastInterceptorNamed("Running interceptor: Rate Limit")).toBeNull();
    expect(lastInterceptorNamed("Access token in HEADER access_token HAS NOT BEEN FOUND")).toBeNull();
    expect(lastInterceptorNamed("OAuth2 provider answered")).toBeNull();
  });
});
