import type { Command } from "commander";

export function registerServe(program: Command): void {
  program
    .command("serve")
    .description("start the dashboard on HOST:PORT (default 127.0.0.1:3000), building it first when needed")
    .option("--dev", "run Next.js in development mode (hot reload)", false)
    .action(async (options: { dev: boolean }) => {
      // Loaded on demand: other commands should not pay for (or hook into) the server's start-up.
      const { launchDashboard } = await import("../../launcher");
      await launchDashboard({ dev: options.dev, log: (line) => console.error(line) });
      await new Promise(() => {}); // serve until a signal ends the process (exit hooks clean up)
    });
}
