import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { unsetWhenEmpty } from "./unset-when-empty";

const environmentSchema = z.object({
  DATABASE_URL: unsetWhenEmpty(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TRACELENS_DATA_DIR: unsetWhenEmpty(z.string().optional()),
  HOST: unsetWhenEmpty(z.string().default("127.0.0.1")),
  PORT: unsetWhenEmpty(z.coerce.number().int().min(1).max(65535).default(3000)),
});

export type Environment = {
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its cluster (gitignored in a checkout). */
  dataDir: string;
  host: string;
  port: number;
};

let root: string | undefined;

/**
 * The project checkout: the nearest folder above this module whose
 * package.json is Tracelens's. Found by name, not by a fixed number of levels,
 * because this module also runs from the CLI bundle in .tracelens/cli/.
 * Only the CLI and the tests ask.
 */
export function projectRoot(): string {
  if (root) return root;
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    if (isTracelensPackage(path.join(dir, "package.json"))) return (root = dir);
    if (path.dirname(dir) === dir) throw new Error(`no Tracelens package.json above ${import.meta.dirname}`);
  }
}

function isTracelensPackage(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { name?: unknown }).name === "tracelens";
  } catch {
    return false; // no package.json here (or not one we can read): keep looking
  }
}

export function readEnvironment(env: NodeJS.ProcessEnv = process.env): Environment {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`invalid environment: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const values = parsed.data;
  return {
    databaseUrl: values.DATABASE_URL,
    dataDir: path.resolve(values.TRACELENS_DATA_DIR ?? path.join(projectRoot(), ".tracelens")),
    host: values.HOST,
    port: values.PORT,
  };
}
