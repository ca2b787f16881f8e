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

/** The lib modules client components may import values from: data (and zod schemas) only, nothing that runs on the server. */
// Single data files of server folders that client components may import (lib/rules is data throughout, checked below).
// lib/trace-reading/timestamps: the trace's time grammar, for a time pasted from a trace line into Custom….
const CLIENT_DATA = [
  "lib/explorer/fields",
  "lib/explorer/explorer-href",
  "lib/explorer/credential-lookup-answer",
  "lib/explorer/facet-values-answer",
  "lib/ingest/upload-answer",
  "lib/trace-reading/timestamps",
];
/** For a folder's pattern: `(?!/(a|b)$)`, passing its files listed in CLIENT_DATA. */
const exceptData = (folder: string) =>
  `(?!\\/(${CLIENT_DATA.filter((module) => module.startsWith(`lib/${folder}/`)).map((module) => module.slice(`lib/${folder}/`.length)).join("|")})$)`;

const isClient = (file: string) => /^\s*["']use client["']/.test(fs.readFileSync(path.join(root, file), "utf8"));
const violations = (files: string[], forbidden: RegExp, { valuesOnly = false } = {}) =>
  files.flatMap(importsOf).filter((imp) => forbidden.test(imp.source) && !(valuesOnly && imp.typeOnly)).map((imp) => `${imp.file} imports ${imp.source}`);

/** The lib folder a lib file's import lands in, if it leaves its own folder for another. */
function libFolderOf(imp: Import): string | null {
  const target = imp.source.startsWith("@/lib/")
    ? imp.source.slice(2)
    : imp.source.startsWith(".")
      ? path.relative(root, path.resolve(root, path.dirname(imp.file), imp.source))
      : null;
  const folder = target?.match(/^lib\/([^/]+)/)?.[1] ?? null;
  return folder === imp.file.split("/")[1] ? null : folder;
}

/** A loop in the lib folders' imports of one another (types included), as the folder path round it; null if none. */
function folderLoop(edges: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const visit = (folder: string, trail: string[]): string[] | null => {
    if (trail.includes(folder)) return [...trail.slice(trail.indexOf(folder)), folder];
    if (done.has(folder)) return null;
    for (const next of edges.get(folder) ?? []) {
      const loop = visit(next, [...trail, folder]);
      if (loop !== null) return loop;
    }
    done.add(folder);
    return null;
  };
  for (const folder of edges.keys()) {
    const loop = visit(folder, []);
    if (loop !== null) return loop;
  }
  return null;
}

describe("architecture", () => {
  const ui = [...sourceFiles("app"), ...sourceFiles("components")];

  it("no page or component touches Prisma or the generated client directly", () => {
    expect(violations(ui, /^@prisma\/|database\/generated|^pg$/)).toEqual([]);
  });

  it("components never reach the database or provisioning (pages and route handlers call lib's verbs)", () => {
    const reach = /^@\/lib\/(database|database-setup|launcher)(\/|$)|^@\/lib\/ingest(?!\/upload-answer$)(\/|$)/;
    expect(violations(sourceFiles("components"), reach, { valuesOnly: true })).toEqual([]);
  });

  it(`client components import no server code (only types, and pure data: lib/rules, ${CLIENT_DATA.join(", ")})`, () => {
    const client = ui.filter(isClient);
    expect(client.length).toBeGreaterThan(5);
    const serverCode = new RegExp(
      `^node:|^@\\/lib\\/(database|database-setup|launcher|credentials|calls|http|config|verdicts|cli)(\\/|$)|^@\\/lib\\/trace-reading${exceptData("trace-reading")}(\\/|$)|^@\\/lib\\/ingest${exceptData("ingest")}(\\/|$)|^@\\/lib\\/explorer${exceptData("explorer")}(\\/|$)`,
    );
    expect(violations(client, serverCode, { valuesOnly: true })).toEqual([]);
  });

  it("the pure data files client components may import import no value but zod, lib/rules and one another", () => {
    const allowed = (imp: Import) => {
      if (imp.typeOnly || imp.source === "zod") return true;
      const target = path.relative(root, path.resolve(root, path.dirname(imp.file), imp.source));
      return CLIENT_DATA.includes(target) || target === "lib/rules";
    };
    const files = CLIENT_DATA.map((module) => `${module}.ts`);
    expect(files.filter((file) => !fs.existsSync(path.join(root, file)))).toEqual([]);
    expect(files.flatMap(importsOf).filter((imp) => !allowed(imp)).map((imp) => `${imp.file} imports ${imp.source}`)).toEqual([]);
  });

  it("lib never depends on the UI", () => {
    expect(violations(sourceFiles("lib"), /^@\/(app|components)\/|^\.\.\/(\.\.\/)*(app|components)\//)).toEqual([]);
  });

  it("lib's folders depend on one another in layers, with no loop (the rules at the bottom, the pages' verbs on top)", () => {
    const edges = new Map<string, Set<string>>();
    for (const imp of sourceFiles("lib").flatMap(importsOf)) {
      const from = imp.file.split("/")[1] ?? "";
      const to = libFolderOf(imp);
      if (!edges.has(from)) edges.set(from, new Set());
      if (to !== null) edges.get(from)?.add(to);
    }
    expect(edges.get("trace-reading")).toContain("rules");
    expect(edges.get("calls")).toContain("trace-reading");
    expect(folderLoop(edges)).toBeNull();
    // The browser imports lib/rules: it must stay data and patterns, with no other lib folder behind it.
    expect([...(edges.get("rules") ?? [])]).toEqual([]);
  });
});
