import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

const bin = path.resolve(import.meta.dirname, "../../bin/tracelens.mjs");

export type ServeProcess = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** Runs `tracelens serve` as a user would; resolves once it says it is ready, or once it exits. */
export async function startServe(env: Record<string, string>): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [bin, "serve"], {
    env: { ...process.env, DATABASE_URL: "", ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Tracelens is ready at")) resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    void exited.then(() => resolve());
  });
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

export async function storedCallsShown(url: string): Promise<string | undefined> {
  const html = await (await fetch(url)).text();
  return /data-testid="stored-calls">([\d,]+)</.exec(html)?.[1];
}
