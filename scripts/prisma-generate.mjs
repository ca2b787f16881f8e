// `prisma generate` never runs the schema engine, but Prisma 7's CLI still wants
// one to exist and would try to download it (unreachable offline). Pointing the
// variable at any existing file satisfies it. Set here only: on migrate/db push
// the same variable would turn real failures into silent no-ops.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
process.exit(result.status ?? 1);
