import { describe, expect, it } from "vitest";
import { explorerViewHref } from "./view-link";

describe("the call page's way back to the explorer", () => {
  it("returns to the view the call was opened from", () => {
    expect(explorerViewHref({ view: "rejected=true&sort=status&app=Mobile+App" })).toBe("/?rejected=true&sort=status&app=Mobile+App");
  });

  it.each([undefined, "", ["a=1", "b=2"]])("goes to the explorer itself when no single view is given (%o)", (view) => {
    expect(explorerViewHref({ view })).toBe("/");
  });

  it.each(["//evil.example/x", "https://evil.example/", "/\\evil.example", "\\\\evil.example", "javascript:alert(1)", "?a=1#//evil.example"])(
    "never leads off the explorer's own path (view=%s)",
    (view) => {
      const href = explorerViewHref({ view });
      expect(href).toMatch(/^\/\?[^/\\]/);
      expect(new URL(href, "http://tracelens.local").origin).toBe("http://tracelens.local");
    },
  );
});
