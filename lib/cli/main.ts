import { CommanderError } from "commander";
import { limitHeapGrowth } from "../config/heap-growth";
import { buildProgram } from "./program";

/** An error whose message is the whole story: printed as one line, no stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}

/** Runs the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  limitHeapGrowth();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const exitCode = (error as { exitCode?: unknown }).exitCode;
    console.error(`tracelens: ${error instanceof Error ? error.message : String(error)}`);
    return typeof exitCode === "number" ? exitCode : 1;
  }
}
