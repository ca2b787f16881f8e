import { Command } from "commander";
import packageJson from "../../package.json";
import { registerClassify } from "./commands/classify";
import { registerIngest } from "./commands/ingest";
import { registerServe } from "./commands/serve";

export function buildProgram(): Command {
  const program = new Command("tracelens")
    .description("Find out why an API gateway answered 401: read its trace logs and explain every rejection.")
    .version(packageJson.version)
    .exitOverride()
    .showHelpAfterError();
  registerServe(program);
  registerClassify(program);
  registerIngest(program);
  return program;
}
