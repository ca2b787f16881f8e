import { CommanderError } from "commander";
import { limitHeapGrowth } from "../config";
import { FingerprintKeyMismatchError } from "../credentials";
import { UsageError } from "./arguments";
import { buildProgram } from "./program";

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  limitHeapGrowth();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    console.error(`tracelens: ${error instanceof Error ? error.message : String(error)}`);
    // A key the database refuses is the user's to fix, as a bad argument is.
    return error instanceof UsageError || error instanceof FingerprintKeyMismatchError ? 2 : 1;
  }
}
