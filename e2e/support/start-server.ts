// The browser tests' server: `tracelens serve` on a database nobody else uses:
// a fresh embedded cluster under .tracelens/e2e, or, when DATABASE_URL is set,
// a fresh database created on that server.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { projectRoot } from "../../lib/config";
import { createDatabase } from "../../lib/database-setup";
import { launchDashboard } from "../../lib/launcher";

const serverUrl = process.env.DATABASE_URL;
if (serverUrl) {
  process.env.DATABASE_URL = await createDatabase(serverUrl, `tracelens_e2e_${crypto.randomBytes(4).toString("hex")}`);
} else {
  const dataDir = path.join(projectRoot(), ".tracelens", "e2e");
  fs.rmSync(dataDir, { recursive: true, force: true });
  process.env.TRACELENS_DATA_DIR = dataDir;
}
await launchDashboard({ dev: false, log: (line) => console.log(line) });
