// The pseudo-feed an imported archive's articles belong to (articles need a feed): one per source, never polled
// (disabled, with the reason), so history import needs no reachable URL.
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "../db.ts";
import { feeds } from "../schema.ts";

/** The import feed of each source name (created on first use). */
export async function importFeedIds(db: Db, sources: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const source of [...new Set(sources)]) {
    const url = `import:${source}`;
    const [row] = await queryRows<{ id: number | string }>(
      db,
      sql`insert into ${feeds} (url, title, enabled, disabled_reason)
          values (${url}, ${source}, false, 'history import: never polled')
          on conflict (url) do update set title = ${feeds.title} returning id`,
    );
    out.set(source, Number(row!.id));
  }
  return out;
}
