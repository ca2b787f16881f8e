import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrateDatabase, readMigrations, type Migration } from "../../lib/database-setup";
import { shapeOfDatabase, shapeOfPrismaSchema } from "../support/schema-shape";
import { createTestDatabase, useTestDatabase, withClient } from "../support/test-database";

const schemaPath = path.resolve(import.meta.dirname, "../../prisma/schema.prisma");

describe("migrations", () => {
  const database = useTestDatabase({ migrate: false });

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

  it("moves stored trace lines and per-upload facts into trace segments, in file order, per call and file", async () => {
    const older = await createTestDatabase({ migrate: false });
    try {
      const [beforeSegments, segments] = splitAt("20261125100000_trace_segments");
      await migrateDatabase(older.url, beforeSegments);
      const upload = "00000000-0000-4000-8000-0000000000aa";
      const [first, second] = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
      const lines = [
        ["call-a", first, 3, 4, "2026-11-20T14:00:00.003Z", "WARN", 'rejected "x" \\ y'],
        ["call-a", first, 1, 2, "2026-11-20T14:00:00.001Z", "INFO", "first"],
        ["call-a", second, 1, 1, "2026-11-20T14:00:00.002Z", "INFO", "in the second file"],
        ["call-b", first, 2, null, null, null, "no line, no time"],
      ];
      await withClient(older.url, async (client) => {
        await client.query(`INSERT INTO uploads (id, name, source, file_count, duplicate_files, byte_count, line_count, calls_added, calls_updated, gateway_events)
                            VALUES ('${upload}', 'old', 'cli', 2, 0, 0, 0, 0, 0, 0)`);
        for (const file of [first, second]) {
          await client.query(`INSERT INTO upload_files (id, upload_id, name, sha256, format, gzip, byte_count, line_count)
                              VALUES ($1::uuid, '${upload}', $1::text, rpad($1::text, 64, '0'), 'text', false, 0, 0)`, [file]);
        }
        for (const line of lines) {
          await client.query(`INSERT INTO trace_lines (call_ref, file_id, seq, line, time, level, text) VALUES ($1, $2, $3, $4, $5, $6, $7)`, line);
        }
        // call-c: facts but no line (not made by the ingest, but kept all the same).
        for (const callRef of ["call-a", "call-c"]) {
          await client.query(`INSERT INTO calls (call_ref, rejected) VALUES ($1, false)`, [callRef]);
          await client.query(`INSERT INTO call_contributions (call_ref, upload_id, facts) VALUES ($1, '${upload}', $2)`, [callRef, { callRef }]);
        }
      });
      await migrateDatabase(older.url, segments);
      const stored = await withClient(older.url, async (client) => ({
        lines: (
          await client.query(`SELECT s.call_ref, s.file_id, s.first_seq, t.seq, t.line, t.time, t.level, t.text
                                FROM trace_segments s, unnest(s.seqs, s.lines, s.times, s.levels, s.texts) AS t(seq, line, time, level, text)
                               ORDER BY s.call_ref, s.file_id, t.seq`)
        ).rows,
        facts: (await client.query(`SELECT call_ref, file_id, first_seq, facts FROM trace_segments ORDER BY call_ref, file_id, first_seq`)).rows,
      }));
      const at = (time: string) => new Date(`2026-11-20T14:00:00.00${time}Z`);
      expect(stored.lines).toEqual([
        { call_ref: "call-a", file_id: first, first_seq: 1, seq: 1, line: 2, time: at("1"), level: "INFO", text: "first" },
        { call_ref: "call-a", file_id: first, first_seq: 1, seq: 3, line: 4, time: at("3"), level: "WARN", text: 'rejected "x" \\ y' },
        { call_ref: "call-a", file_id: second, first_seq: 1, seq: 1, line: 1, time: at("2"), level: "INFO", text: "in the second file" },
        { call_ref: "call-b", file_id: first, first_seq: 2, seq: 2, line: null, time: null, level: null, text: "no line, no time" },
      ]);
      expect(stored.facts).toEqual([
        { call_ref: "call-a", file_id: first, first_seq: 1, facts: { callRef: "call-a" } },
        { call_ref: "call-a", file_id: second, first_seq: 1, facts: null },
        { call_ref: "call-b", file_id: first, first_seq: 2, facts: null },
        { call_ref: "call-c", file_id: first, first_seq: -1, facts: { callRef: "call-c" } },
      ]);
    } finally {
      await older.drop();
    }
  });
});

/** The migrations before the named one, and from it on. */
function splitAt(name: string): [Migration[], Migration[]] {
  const all = readMigrations();
  const index = all.findIndex((migration) => migration.name === name);
  expect(index).toBeGreaterThan(0);
  return [all.slice(0, index), all.slice(index)];
}
