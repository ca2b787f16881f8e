import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { projectRoot } from "./project-root";
import { unsetWhenEmpty } from "./unset-when-empty";

/** Says what a variable's value should be, quoting the value given. */
const shouldBe = (what: string) => (issue: { input?: unknown }) => `${JSON.stringify(issue.input)} is not ${what}`;

/**
 * A number written in decimal digits (`0x10` and `1e-9` are refused, not
 * read as 16 and 0) that `fits`; the message quotes the value and says what
 * it should be.
 */
const numberThat = (fits: (value: number) => boolean, what: string, { fraction = false } = {}) =>
  z
    .string()
    .refine((text) => (fraction ? /^\d+(?:\.\d+)?$/ : /^\d+$/).test(text.trim()) && fits(Number(text)), { error: shouldBe(what) })
    .transform(Number);

const MEBIBYTE = 1024 * 1024;

/** What keys credential fingerprints: read by every command, `classify` included, which needs nothing else. */
const fingerprintVariables = {
  TRACELENS_HOME: unsetWhenEmpty(z.string().optional()),
  TRACELENS_FINGERPRINT_KEY: unsetWhenEmpty(z.string().optional()),
};

/**
 * Every environment variable Tracelens reads, in one place (the README's
 * "Running it" table lists them). An empty value means "not set", as in a
 * shell's `FOO= npm start`. A value that does not fit fails with one line
 * naming the variable; values that may be secret are never repeated.
 */
const environmentSchema = z.object({
  DATABASE_URL: unsetWhenEmpty(
    z
      .url({
        protocol: /^postgres(ql)?$/,
        error: "not a postgresql://user:password@host:port/database URL (its value is not shown: it may hold a password)",
      })
      .optional(),
  ),
  TRACELENS_DATA_DIR: unsetWhenEmpty(z.string().optional()),
  ...fingerprintVariables,
  HOST: unsetWhenEmpty(z.string().default("127.0.0.1")),
  PORT: unsetWhenEmpty(numberThat((port) => Number.isInteger(port) && port >= 1 && port <= 65535, "a port number from 1 to 65535").default(3000)),
  TRACELENS_MAX_UPLOAD_MB: unsetWhenEmpty(
    numberThat((mb) => Math.round(mb * MEBIBYTE) >= 1, "a number of megabytes above 0", { fraction: true }).default(1024),
  ),
  TRACELENS_MAX_UPLOAD_FILES: unsetWhenEmpty(
    numberThat((files) => Number.isSafeInteger(files) && files >= 1, "a whole number of files from 1 up").default(50),
  ),
});

export type Environment = {
  databaseUrl: string | undefined;
  /** Where the embedded PostgreSQL keeps its cluster (gitignored in a checkout). Resolved when asked: only the CLI asks. */
  readonly dataDir: string;
  host: string;
  port: number;
  /** Per-user folder for the credential fingerprint key. */
  home: string;
  /** The fingerprint key itself, when given instead of the key file in `home`. */
  fingerprintKey: string | undefined;
  /** How much one HTTP upload may carry (413 past it). */
  uploadLimits: { maxBytes: number; maxFiles: number };
};

/** An environment variable whose value does not fit: the message names it, in one line. */
export class EnvironmentError extends Error {}

type Variables = Readonly<Record<string, string | undefined>>;

/** The variables `schema` reads, or an EnvironmentError naming each that does not fit. */
function parsed<T>(schema: z.ZodType<T>, env: Variables): T {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  throw new EnvironmentError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
}

/** Where the fingerprint key comes from: all `classify` reads, so a bad PORT (which it never uses) does not stop it. */
export function fingerprintSettings(env: Variables = process.env): Pick<Environment, "home" | "fingerprintKey"> {
  const values = parsed(z.object(fingerprintVariables), env);
  return { home: values.TRACELENS_HOME ?? path.join(os.homedir(), ".config", "tracelens"), fingerprintKey: values.TRACELENS_FINGERPRINT_KEY };
}

/** The environment `env` describes, or an EnvironmentError naming each variable that does not fit. */
export function readEnvironment(env: Variables = process.env): Environment {
  const values = parsed(environmentSchema, env);
  return {
    databaseUrl: values.DATABASE_URL,
    get dataDir() {
      // A folder for the database at run time, not a file of the build: the build's tracer must not follow it.
      return path.resolve(/* turbopackIgnore: true */ values.TRACELENS_DATA_DIR ?? path.join(/* turbopackIgnore: true */ projectRoot(), ".tracelens"));
    },
    host: values.HOST,
    port: values.PORT,
    ...fingerprintSettings(env),
    uploadLimits: { maxBytes: Math.round(values.TRACELENS_MAX_UPLOAD_MB * MEBIBYTE), maxFiles: values.TRACELENS_MAX_UPLOAD_FILES },
  };
}

let current: Environment | undefined;

/**
 * This process's environment, read and checked once, at its first use:
 * `tracelens serve` and each CLI command ask at their start, so a bad value
 * stops them there rather than failing each request. (The dashboard's own
 * modules are bundled apart from the launcher's, so they read it afresh,
 * after the launcher has put the chosen database in DATABASE_URL.)
 */
export function environment(): Environment {
  return (current ??= readEnvironment(process.env));
}
