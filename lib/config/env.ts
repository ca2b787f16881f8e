import os from "node:os";
import path from "node:path";
import { z } from "zod";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const environmentSchema = z.object({
  DATABASE_URL: optionalText.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
  TRACELENS_DATA_DIR: optionalText,
  TRACELENS_HOME: optionalText,
  HOST: optionalText.default("127.0.0.1"),
  PORT: optionalText.default("3000").pipe(z.coerce.number().int().min(1).max(65535)),
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

/** Per-user Tracelens home (secrets that must live outside the repository). */
export function tracelensHome(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.TRACELENS_HOME || path.join(os.homedir(), ".config", "tracelens"));
}
