import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The layering the README describes, checked on every import line:
// pages and components reach the database only through lib's verbs, client
// code never pulls server-only modules into the browser bundle, and lib
// never depends on the UI.
const root = path.resolve(import.meta.dirname, "../..");

type Import = { file: string; source: string; typeOnly: boolean };

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".test.ts") ? [relative] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = fs.readFileSync(path.join(root, file), "utf8");
  return [...text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"([^"]+)";/gms)].map((match) => ({
    file,
    source: match[2] ?? "",
    typeOnly: Boolean(match[1]),
  }));
}

const isClient = (file: string) => /^\s*["']use client["']/.test(fs.readFileSync(path.join(root, file), "utf8"));
const violations = (files: string[], forbidden: RegExp, { valuesOnly = false } = {}) =>
  files.flatMap(importsOf).filter((imp) => forbidden.test(imp.source) && !(valuesOnly && imp.typeOnly)).map((imp) => `${imp.file} imports ${imp.source}`);

describe("architecture", () => {
  const ui = [...sourceFiles("app"), ...sourceFiles("components")];

  it("no page or component touches Prisma or the generated client directly", () => {
    expect(violations(ui, /^@prisma\/|database\/generated|^pg$/)).toEqual([]);
  });

  it("components never reach the database or provisioning (pages and route handlers call lib's verbs)", () => {
    expect(violations(sourceFiles("components"), /^@\/lib\/(database|database-setup|ingest|launcher)(\/|$)/, { valuesOnly: true })).toEqual([]);
  });

  it("client components import no server code (only types, and pure data: lib/rules/causes, lib/explorer/fields)", () => {
    const client = ui.filter(isClient);
    expect(client.length).toBeGreaterThan(5);
    const serverCode = /^node:|^@\/lib\/(database|database-setup|ingest|launcher|credentials|trace-reading|calls|http|config)(\/|$)|^@\/lib\/explorer(?!\/fields$)(\/|$)|^@\/lib\/rules$/;
    expect(violations(client, serverCode, { valuesOnly: true })).toEqual([]);
  });

  it("lib never depends on the UI", () => {
    expect(violations(sourceFiles("lib"), /^@\/(app|components)\/|^\.\.\/(\.\.\/)*(app|components)\//)).toEqual([]);
  });
});
