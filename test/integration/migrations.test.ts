import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, readMigrations } from "../../lib/database-setup";
import { shapeOfDatabase, shapeOfPrismaSchema } from "../support/schema-shape";
import { createTestDatabase, withClient, type TestDatabase } from "../support/test-database";

const schemaPath = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

describe("migrations", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(async () => database.drop());

  it("applies every migration once and records it as Prisma Migrate does", async () => {
    const applied = await migrateDatabase(database.url);
    expect(applied).toEqual(readMigrations().map((migration) => migration.name));
    const history = await withClient(database.url, (client) =>
      client.query(`SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY migration_name`),
    );
    expect(history.rows).toHaveLength(applied.length);
    for (const [index, row] of history.rows.entries()) {
      expect(row.checksum).toBe(readMigrations()[index]?.checksum);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("is a no-op the second time", async () => {
    expect(await migrateDatabase(database.url)).toEqual([]);
    const count = await withClient(database.url, (client) => client.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(count.rows[0].n).toBe(readMigrations().length);
  });

  it("leaves a database that matches schema.prisma exactly (no drift)", async () => {
    const expected = shapeOfPrismaSchema(schemaPath);
    const actual = await withClient(database.url, shapeOfDatabase);
    expect(actual).toEqual(expected);
    expect(expected.length).toBeGreaterThan(50);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const edited = readMigrations().map((migration) => ({ ...migration, checksum: "0".repeat(64) }));
    await expect(migrateDatabase(database.url, edited)).rejects.toThrow(/was edited after it was applied/);
  });

  // Last: it changes the database. Proves the comparison above can fail.
  it("reports a column whose type drifted from the schema", async () => {
    await withClient(database.url, (client) => client.query(`ALTER TABLE calls ALTER COLUMN status TYPE bigint`));
    const actual = await withClient(database.url, shapeOfDatabase);
    const expected = shapeOfPrismaSchema(schemaPath);
    expect(actual.filter((line) => !expected.includes(line))).toEqual(["calls.status: bigint null"]);
  });
});
