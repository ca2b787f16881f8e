import { defineConfig } from "prisma/config";

// The URL is read only by Prisma CLI commands that talk to a database
// (never run by Tracelens itself; see README, "Migrations").
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/tracelens" },
});
