// Statements whose text does not depend on how many rows they carry: rows travel as one JSON parameter
// (json_to_recordset), lists as one array parameter. The same text every time lets postgres.js prepare a statement
// once per connection and PostgreSQL reuse its plan; a VALUES list is a new statement for every row count, with
// thousands of parameters for drizzle to build and the server to parse, and each distinct text stays in the
// per-connection statement cache for the connection's lifetime.
import { getTableColumns, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { storableText } from "../text/storable-text.ts";

type Row = Record<string, unknown>;

/** The column's type as a cast target (serial types are only valid in a table definition). */
function castType(column: PgColumn): string {
  const type = column.getSQLType();
  return type === "bigserial" ? "bigint" : type === "serial" ? "integer" : type;
}

function toJsonValue(value: unknown): unknown {
  if (typeof value === "string") return storableText(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** The rows as a JSON array of objects keyed by the columns' database names. */
function rowsJson(columns: [string, PgColumn][], rows: Row[]): string {
  return JSON.stringify(
    rows.map((row) => {
      const out: Row = {};
      for (const [key, column] of columns) out[column.name] = toJsonValue(row[key]);
      return out;
    }),
  );
}

/**
 * `select <columns> from json_to_recordset($1) as r(<column> <type>, ...)`: the rows as a relation with the given
 * columns' names and types (rows are keyed by the columns' property names; a missing value is null).
 */
export function recordset(columns: Record<string, PgColumn>, rows: Row[]): SQL {
  const entries = Object.entries(columns);
  const names = sql.join(entries.map(([, c]) => sql.identifier(c.name)), sql`, `);
  const definition = sql.join(entries.map(([, c]) => sql`${sql.identifier(c.name)} ${sql.raw(castType(c))}`), sql`, `);
  return sql`select ${names} from json_to_recordset(${rowsJson(entries, rows)}::text::json) as r(${definition})`;
}

/**
 * `insert into <table> (<columns>) select ... from json_to_recordset($1)`. The columns are those any row sets; a
 * column no row sets takes its default, and so does a NOT NULL column with a default where a row leaves it out (as
 * with drizzle's `values()`); other columns a row leaves out are null. Append `on conflict` / `returning` to it.
 */
export function insertRows<T extends PgTable>(table: T, rows: T["$inferInsert"][]): SQL {
  const all = getTableColumns(table) as Record<string, PgColumn>;
  const keys = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row)) keys.add(key);
  const columns = Object.fromEntries([...keys].filter((key) => all[key]).map((key) => [key, all[key]!]));
  const names = sql.join(Object.values(columns).map((c) => sql.identifier(c.name)), sql`, `);
  const values = sql.join(
    Object.values(columns).map((c) =>
      c.notNull && c.default !== undefined ? sql`coalesce(${sql.identifier(c.name)}, ${c.default})` : sql.identifier(c.name),
    ),
    sql`, `,
  );
  return sql`insert into ${table} (${names}) select ${values} from (${recordset(columns, rows)}) as r`;
}

/** `<column> = any($1::<type>[])`: membership in a list passed as one array parameter. */
export function anyOf(column: PgColumn, values: readonly unknown[]): SQL {
  return sql`${column} = any(${sql.param(values)}::${sql.raw(castType(column))}[])`;
}
