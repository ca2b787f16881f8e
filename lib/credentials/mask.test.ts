import { describe, expect, it } from "vitest";
import { displayMasked, maskCredential } from "./mask";

const key = Buffer.from("installation A");

describe("maskCredential", () => {
  it("flags a space or tab around the value apart from a line break, which is a flag of its own", () => {
    const flags = (raw: string) => {
      const { leadingWhitespace, trailingWhitespace, lineBreak } = maskCredential(raw, key);
      return { leadingWhitespace, trailingWhitespace, lineBreak };
    };
    expect(flags("token-123456\n")).toEqual({ leadingWhitespace: false, trailingWhitespace: false, lineBreak: true });
    expect(flags("token-123456 \n")).toEqual({ leadingWhitespace: false, trailingWhitespace: true, lineBreak: true });
    expect(flags("\r\n\ttoken-123456")).toEqual({ leadingWhitespace: true, trailingWhitespace: false, lineBreak: true });
    expect(flags(" token-123456\t")).toEqual({ leadingWhitespace: true, trailingWhitespace: true, lineBreak: false });
  });

  it("keeps a preview, the length and no raw value", () => {
    const masked = maskCredential("2YotnFZFEjr1zCsicMWpAA", key);
    expect(masked.preview).toBe("2Yot…pAA");
    expect(masked.length).toBe(22);
    expect(JSON.stringify(masked)).not.toContain("2YotnFZFEjr1zCsicMWpAA");
  });

  it("fingerprints with the installation's key: another key gives another fingerprint", () => {
    expect(maskCredential("token-123456", key).fingerprint).not.toBe(maskCredential("token-123456", Buffer.from("installation B")).fingerprint);
    expect(maskCredential("token-123456", key).fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("groups a token sent with stray whitespace with its clean sends, and flags the whitespace", () => {
    const clean = maskCredential("9fK2mQ7xL0pR4tV8", key);
    const sloppy = maskCredential("9fK2mQ7xL0pR4tV8 \n", key);
    expect(sloppy.fingerprint).toBe(clean.fingerprint);
    expect(sloppy.length).toBe(18);
    expect(sloppy).toMatchObject({ leadingWhitespace: false, trailingWhitespace: true, lineBreak: true });
    expect(maskCredential("\tabc", key)).toMatchObject({ leadingWhitespace: true, trailingWhitespace: false, lineBreak: false });
    expect(clean).toMatchObject({ leadingWhitespace: false, trailingWhitespace: false, lineBreak: false });
  });

  it("shows an Authorization value's scheme, which is no secret, and previews its token alone", () => {
    expect(maskCredential("Bearer 2YotnFZFEjr1zCsicMWpAA", key).preview).toBe("Bearer 2Yot…pAA");
    expect(maskCredential("basic\tdXNlcjpwYXNz", key).preview).toBe("basic dX…Nz");
    expect(maskCredential("Bearer abc", key).preview).toBe("Bearer …");
    // Not a scheme and a token: previewed whole.
    expect(maskCredential("Digest username=alice, response=6629fae49393a053", key).preview).toBe("Dige…053");
  });

  it("shows less of shorter values, and nothing of the shortest", () => {
    expect(maskCredential("cl-123456789", key).preview).toBe("cl…89");
    // A third of a short secret would all but give it away: one character at each end.
    expect(maskCredential("k-777-abc", key).preview).toBe("k…c");
    expect(maskCredential("abc", key).preview).toBe("…");
  });

  it("never lets a control character of the value into the preview", () => {
    expect(maskCredential("ab\u0007defghijklmnopq", key).preview).toBe("ab\\u0007d…opq");
  });
});

describe("displayMasked", () => {
  it("keeps a quoted value's surrounding whitespace visible", () => {
    const raw = "9fK2mQ7xL0pR4tV8 \n";
    expect(displayMasked(raw, maskCredential(raw, key), true)).toBe('"9fK2…tV8 \\n"');
    expect(displayMasked(" \tabcdefghijklmnop", maskCredential(" \tabcdefghijklmnop", key), true)).toBe('" \\tabcd…nop"');
  });

  it("shows a bare value as its preview alone", () => {
    expect(displayMasked("2YotnFZFEjr1zCsicMWpAA", maskCredential("2YotnFZFEjr1zCsicMWpAA", key), false)).toBe("2Yot…pAA");
  });
});
