import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../support/cli";
import { startServe, type ServeProcess } from "../support/serve-process";

const BUILD_MS = 600_000;

// Two servers from one checkout, the second started after the sources changed
// (a `git pull`, an edit): its build must not take the first one's away.
describe("servers from one checkout, each on its own build", () => {
  const dataDirs: string[] = [];
  const servers: ServeProcess[] = [];

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    for (const dir of dataDirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function serve(env: Record<string, string> = {}): Promise<ServeProcess> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tracelens-builds-"));
    fs.chmodSync(dataDir, 0o755);
    dataDirs.push(dataDir);
    const server = await startServe({ ...env, TRACELENS_DATA_DIR: dataDir }, { timeoutMs: BUILD_MS });
    servers.push(server);
    expect(server.ready, server.output()).toBe(true);
    return server;
  }

  it(
    "a server keeps serving the scripts its pages name after another one rebuilt for other sources",
    async () => {
      const first = await serve();
      const scripts = await pageScripts(first.url);
      expect(scripts.length).toBeGreaterThan(0);

      // Another salt is another build stamp: the sources "changed" for the second server.
      // The first one's scripts are fetched all the while the second one builds and starts.
      const starting = serve({ TRACELENS_BUILD_SALT: crypto.randomBytes(4).toString("hex") });
      const seen = new Set<number>();
      let started = false;
      void starting.finally(() => (started = true));
      while (!started) {
        for (const status of await statuses(first.url, scripts)) seen.add(status);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      const second = await starting;
      expect(second.output()).toContain("Building the dashboard");
      expect([...seen]).toEqual([200]);

      expect(await statuses(first.url, scripts)).toEqual(scripts.map(() => 200));
      const secondScripts = await pageScripts(second.url);
      expect(await statuses(second.url, secondScripts)).toEqual(secondScripts.map(() => 200));

      await second.stop();
      removeBuildOf(second);
    },
    2 * BUILD_MS,
  );
});

async function pageScripts(url: string): Promise<string[]> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  const html = await response.text();
  return [...new Set([...html.matchAll(/src="(\/_next\/static\/[^"]+\.js)"/g)].map((match) => match[1]!))];
}

async function statuses(url: string, paths: string[]): Promise<number[]> {
  return Promise.all(paths.map(async (each) => (await fetch(url + each)).status));
}

// The salted build serves no one once its server stopped: removed now rather than at the next start.
function removeBuildOf(server: ServeProcess): void {
  const folder = /Building the dashboard into (\S+)/.exec(server.output())?.[1];
  if (folder) fs.rmSync(path.join(repoRoot, folder), { recursive: true, force: true });
}
