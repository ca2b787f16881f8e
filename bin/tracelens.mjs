#!/usr/bin/env node
// Entry for `npx tracelens`: runs the TypeScript CLI in lib/cli through tsx,
// so the checkout's own source is what runs, with no separate build step.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../lib/cli/main.ts");
process.exitCode = await main(process.argv);
