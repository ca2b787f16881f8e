import fs from "node:fs";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import type pg from "pg";

/**
 * A database schema reduced to sorted lines ("table.column: type null",
 * "index ...", "fk ...", "enum ..."), built once from schema.prisma (Prisma's
 * own parser, compiled to wasm: no engine download) and once from a live
 * database, so a drift shows up as a readable line diff.
 */
type DmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "enum" | "object";
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; dbName: string | null; fields: DmmfField[] };
type DmmfIndex = { model: string; type: "id" | "normal" | "unique"; fields: Array<{ name: string; sortOrder?: "asc" | "desc" }> };
type Dmmf = { datamodel: { models: DmmfModel[]; enums: Array<{ name: string; values: Array<{ name: string }> }>; indexes: DmmfIndex[] } };

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Json: "jsonb",
  DateTime: "timestamp(3)",
  Float: "double precision",
};
const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  Char: ([length]) => `character(${length})`,
  Timestamptz: ([precision]) => `timestamptz(${precision})`,
  Json: () => "json",
};

export function shapeOfPrismaSchema(schemaPath: string): string[] {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: fs.readFileSync(schemaPath, "utf8") }))) as Dmmf;
  const models = new Map(dmmf.datamodel.models.map((model) => [model.name, model]));
  const table = (model: DmmfModel) => model.dbName ?? model.name;
  const column = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    return field?.dbName ?? fieldName;
  };
  const lines: string[] = dmmf.datamodel.enums.map((e) => `enum ${e.name}: ${e.values.map((v) => v.name).join(",")}`);
  for (const model of models.values()) {
    for (const field of model.fields) {
      if (field.kind === "object") {
        if (field.relationFromFields?.length) {
          const target = models.get(field.type);
          if (!target) throw new Error(`unknown relation target ${field.type}`);
          const from = field.relationFromFields.map((name) => column(model, name)).join(",");
          const to = (field.relationToFields ?? []).map((name) => column(target, name)).join(",");
          lines.push(`fk ${table(model)}(${from}) -> ${table(target)}(${to}) on delete ${(field.relationOnDelete ?? "Restrict").toLowerCase()}`);
        }
        continue;
      }
      const type =
        field.kind === "enum"
          ? field.type
          : field.nativeType
            ? NATIVE_TYPES[field.nativeType[0]]?.(field.nativeType[1])
            : SCALAR_TYPES[field.type];
      if (!type) throw new Error(`no SQL type known for ${model.name}.${field.name}`);
      lines.push(`${table(model)}.${field.dbName ?? field.name}: ${type}${field.isList ? "[]" : ""}${field.isRequired ? "" : " null"}`);
    }
  }
  for (const index of dmmf.datamodel.indexes) {
    const model = models.get(index.model);
    if (!model) continue;
    const columns = index.fields.map((f) => `${column(model, f.name)}${f.sortOrder === "desc" ? " desc" : ""}`).join(",");
    const kind = index.type === "id" ? "primary key" : index.type === "unique" ? "unique index" : "index";
    lines.push(`${kind} ${table(model)}(${columns})`);
  }
  return lines.sort();
}

export async function shapeOfDatabase(client: pg.Client): Promise<string[]> {
  const lines: string[] = [];
  const enums = await client.query<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname = current_schema()
     GROUP BY t.typname`);
  for (const row of enums.rows) lines.push(`enum ${row.name}: ${row.labels.join(",")}`);
  const columns = await client.query<{ table_name: string; column_name: string; type: string; is_nullable: string }>(`
    SELECT c.table_name, c.column_name, c.is_nullable,
           CASE WHEN c.data_type = 'USER-DEFINED' THEN c.udt_name
                WHEN c.data_type = 'timestamp with time zone' THEN 'timestamptz(' || c.datetime_precision || ')'
                WHEN c.data_type = 'timestamp without time zone' THEN 'timestamp(' || c.datetime_precision || ')'
                WHEN c.data_type = 'character' THEN 'character(' || c.character_maximum_length || ')'
                WHEN c.data_type = 'ARRAY' THEN regexp_replace(format_type(a.atttypid, a.atttypmod),
                                                  'timestamp\\((\\d)\\) with time zone', 'timestamptz(\\1)')
                ELSE c.data_type END AS type
      FROM information_schema.columns c
      JOIN pg_attribute a ON a.attrelid = format('%I', c.table_name)::regclass AND a.attname = c.column_name
     WHERE c.table_schema = current_schema() AND c.table_name <> '_prisma_migrations'`);
  for (const row of columns.rows) {
    lines.push(`${row.table_name}.${row.column_name}: ${row.type}${row.is_nullable === "YES" ? " null" : ""}`);
  }
  const indexes = await client.query<{ table_name: string; is_primary: boolean; is_unique: boolean; columns: string }>(`
    SELECT t.relname AS table_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
           string_agg(a.attname || CASE WHEN ix.indoption[k.ord - 1] & 1 = 1 THEN ' desc' ELSE '' END, ',' ORDER BY k.ord) AS columns
      FROM pg_index ix
      JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
      CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
     WHERE t.relname <> '_prisma_migrations'
     GROUP BY t.relname, ix.indexrelid, ix.indisprimary, ix.indisunique`);
  for (const row of indexes.rows) {
    const kind = row.is_primary ? "primary key" : row.is_unique ? "unique index" : "index";
    lines.push(`${kind} ${row.table_name}(${row.columns})`);
  }
  const foreignKeys = await client.query<{ line: string }>(`
    SELECT 'fk ' || src.relname || '(' || string_agg(sa.attname, ',' ORDER BY k.ord) || ') -> ' ||
           dst.relname || '(' || string_agg(da.attname, ',' ORDER BY k.ord) || ') on delete ' ||
           CASE c.confdeltype WHEN 'c' THEN 'cascade' WHEN 'r' THEN 'restrict' WHEN 'n' THEN 'setnull'
                              WHEN 'd' THEN 'setdefault' ELSE 'noaction' END AS line
      FROM pg_constraint c
      JOIN pg_class src ON src.oid = c.conrelid
      JOIN pg_class dst ON dst.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = src.relnamespace AND n.nspname = current_schema()
      CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(src_att, dst_att, ord)
      JOIN pg_attribute sa ON sa.attrelid = src.oid AND sa.attnum = k.src_att
      JOIN pg_attribute da ON da.attrelid = dst.oid AND da.attnum = k.dst_att
     WHERE c.contype = 'f'
     GROUP BY c.oid, src.relname, dst.relname, c.confdeltype`);
  for (const row of foreignKeys.rows) lines.push(row.line);
  return lines.sort();
}
