import { describe, expect, it } from "vitest";
import { CredentialScrubber } from "./scrubber";

const key = Buffer.from("installation A");
const tokenOf = (call: number) => `token-of-call-${call}`;
const masksFor = (scrubber: CredentialScrubber, call: number) => scrubber.scrub(`call-${call}`, tokenOf(call)) !== tokenOf(call);

describe("CredentialScrubber", () => {
  it("masks a value in the text of the call that carried it, not in another call's", () => {
    const scrubber = new CredentialScrubber(key);
    scrubber.remember("a", " 2YotnFZFEjr1zCsicMWpAA\n");
    expect(scrubber.scrub("a", "echo 2YotnFZFEjr1zCsicMWpAA!")).toBe("echo 2Yot…pAA!");
    expect(scrubber.scrub("b", "echo 2YotnFZFEjr1zCsicMWpAA!")).toBe("echo 2YotnFZFEjr1zCsicMWpAA!");
  });

  it("remembers the values of the last 2048 calls, forgetting the call first remembered first", () => {
    const scrubber = new CredentialScrubber(key);
    for (let call = 0; call < 2048; call++) scrubber.remember(`call-${call}`, tokenOf(call));
    scrubber.remember("call-2048", tokenOf(2048));
    expect(masksFor(scrubber, 0)).toBe(false);
    expect([1, 2047, 2048].map((call) => masksFor(scrubber, call))).toEqual([true, true, true]);
  });

  it("passes over a forgotten call when it makes room, and counts a call remembered again as new", () => {
    const scrubber = new CredentialScrubber(key);
    for (let call = 0; call < 2048; call++) scrubber.remember(`call-${call}`, tokenOf(call));
    scrubber.forget("call-0");
    scrubber.remember("call-0", tokenOf(0));
    scrubber.forget("call-5");
    scrubber.remember("call-2048", tokenOf(2048));
    scrubber.remember("call-2049", tokenOf(2049));
    scrubber.remember("call-2050", tokenOf(2050));
    expect([0, 1, 2, 3, 5, 2050].map((call) => masksFor(scrubber, call))).toEqual([true, false, false, true, false, true]);
  });

  it("keeps a call heard of within the last 1024 calls (a line scrubbed, a value carried), forgetting the next one instead", () => {
    const scrubber = new CredentialScrubber(key);
    for (let call = 0; call < 2048; call++) scrubber.remember(`call-${call}`, tokenOf(call));
    scrubber.scrub("call-0", "a line of the slow call 0");
    scrubber.remember("call-1", "another-value-of-call-1");
    scrubber.remember("call-2048", tokenOf(2048));
    scrubber.remember("call-2049", tokenOf(2049));
    expect([0, 1, 2, 3, 4].map((call) => masksFor(scrubber, call))).toEqual([true, true, false, false, true]);
  });

  it("forgets a call not heard of in the last 1024 calls, however often it was heard before", () => {
    const scrubber = new CredentialScrubber(key);
    scrubber.remember("slow", tokenOf(0));
    for (let call = 1; call < 1500; call++) {
      scrubber.remember(`call-${call}`, tokenOf(call));
      scrubber.scrub("slow", "still waiting");
    }
    for (let call = 1500; call < 5000; call++) scrubber.remember(`call-${call}`, tokenOf(call));
    expect(scrubber.scrub("slow", tokenOf(0))).toBe(tokenOf(0));
  });

  it("forgets a call when every remembered call was heard of recently (the queue moves on)", () => {
    const scrubber = new CredentialScrubber(key);
    for (let call = 0; call < 2048; call++) scrubber.remember(`call-${call}`, tokenOf(call));
    for (let call = 0; call < 2048; call++) scrubber.scrub(`call-${call}`, "heard");
    scrubber.remember("call-2048", tokenOf(2048));
    expect(masksFor(scrubber, 0)).toBe(false);
    expect([1, 2048].map((call) => masksFor(scrubber, call))).toEqual([true, true]);
  });
});
