import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { currentBuildStamp } from "./build-stamp";

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

function sources(): { root: string; page: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-stamp-"));
  roots.push(root);
  fs.mkdirSync(path.join(root, "app"));
  const page = path.join(root, "app", "page.tsx");
  fs.writeFileSync(page, "export default function Page() { return null; }\n");
  return { root, page };
}

it("stays the same when a source is written again unchanged (npm ci regenerating the Prisma client), so npm start does not build again", () => {
  const { root, page } = sources();
  const before = currentBuildStamp(root);
  fs.writeFileSync(page, fs.readFileSync(page));
  fs.utimesSync(page, new Date(), new Date(Date.now() + 60_000));
  expect(currentBuildStamp(root)).toBe(before);
});

it("changes when a source's bytes change, even at the same size", () => {
  const { root, page } = sources();
  const before = currentBuildStamp(root);
  fs.writeFileSync(page, fs.readFileSync(page, "utf8").replace("null", "nul1"));
  expect(currentBuildStamp(root)).not.toBe(before);
});
