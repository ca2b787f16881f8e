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

/** The project checkout (lib/config/ is two levels below it). Only the CLI asks. */
export function projectRoot(): string {
  return path.resolve(import.meta.dirname, "..", "..");
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
