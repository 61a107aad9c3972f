// History import: 200 archived articles dated through 2025 (built from the dev sets' texts, re-dated month by month)
// go through extraction, story linking and flagging; their events are dated when they happened, so the 2025
// timeline fills the months the articles were published in, and a second import of the same lines adds nothing.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.ts";
import { importHistory, parseImportLines, type ImportLine } from "../../src/jobs/import-history.ts";
import { listEvents } from "../../src/store/repositories/events.ts";
import { timeline } from "../../src/store/repositories/timeline.ts";
import { availableDrivers, useTestDatabase } from "../support/db.ts";
import { SHARED } from "../extract/labelled-set.ts";

/** 200 lines: the 180 dev articles, then 20 of them again as follow-ups with an added paragraph (new content). */
function fixture(): string {
  const rows = ["dev.jsonl", "dev2.jsonl"].flatMap((set) =>
    readFileSync(join(SHARED, "eval", set), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { id: string; title: string; text: string; lang: string }),
  );
  const lines: ImportLine[] = [];
  for (let i = 0; i < 200; i++) {
    const r = rows[i % rows.length]!;
    const followUp = i >= rows.length;
    const month = (i % 12) + 1;
    const day = ((i * 7) % 27) + 1;
    lines.push({
      url: `https://archive.example.org/2025/${r.id}${followUp ? "-follow-up" : ""}`,
      title: followUp ? `${r.title} (follow-up)` : r.title,
      text: followUp ? `${r.text}\n\nThis follow-up adds reactions from analysts and suppliers a month later.` : r.text,
      published: `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T08:00:00Z`,
      lang: r.lang,
      source: i % 2 === 0 ? "archive-a" : "archive-b",
    });
  }
  return lines.map((l) => JSON.stringify(l)).join("\n") + "\n{not json}\n";
}

describe.each(availableDrivers())("history import on %s", (driver) => {
  const t = useTestDatabase(driver);

  it("imports 200 dated 2025 articles into the right months, and a second import adds nothing", async () => {
    const deps = { db: t.db, config: loadConfig({}) };
    const { lines, invalid } = parseImportLines(fixture());
    expect(lines).toHaveLength(200);
    expect(invalid).toEqual([{ line: 201, error: "not JSON" }]);
    const progress: number[] = [];
    const first = await importHistory(lines, deps, (done) => progress.push(done));
    expect(first.read).toBe(200);
    expect(first.added).toBe(200);
    expect(first.flagged).toBeGreaterThan(50);
    expect(progress.at(-1)).toBe(200);

    const months = await timeline(t.db, { from: new Date("2025-01-01"), to: new Date("2026-01-01"), bucket: "month" });
    expect(months).toHaveLength(12);
    // Every month of 2025 had articles with indicators; each is counted in its month, none in first-seen time.
    for (const m of months) expect(m.flagged, m.period).toBeGreaterThan(0);
    const total = months.reduce((n, m) => n + m.flagged, 0);
    const all = await listEvents(t.db, { status: "flagged" }, { sort: "priority", page: 1, limit: 100 });
    expect(total).toBe(all.total);
    for (const e of all.items) {
      expect(e.occurredAt.slice(0, 4)).toBe("2025");
      expect(e.occurredAt).toBe(e.sources.map((s) => s.publishedAt!).sort()[0]);
    }

    const again = await importHistory(lines, deps);
    expect(again).toEqual({ read: 200, added: 0, skipped: 200, flagged: 0 });
    const after = await timeline(t.db, { from: new Date("2025-01-01"), to: new Date("2026-01-01"), bucket: "month" });
    expect(after).toEqual(months);
  }, 600_000);
});
