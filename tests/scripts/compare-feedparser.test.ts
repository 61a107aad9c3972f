// The feedparser comparison (scripts/compare-feedparser.ts) on the issue-11 files where feedparser was right and
// chipwatch wrong: they must now agree. Needs Debian's python3-feedparser; under CI a missing one is a failure.
import { describe, expect, it } from "vitest";
import { compareWithFeedparser, findFeedparserPython, type Field } from "../../scripts/compare-feedparser.ts";
import { corpusInputs } from "../support/feed-corpus.ts";

const FEEDPARSER_RIGHT: Record<string, Field[]> = {
  "gofeed/testdata/parser/rss/rss_channel_item_title_naked_markup.xml": ["items", "title"],
  "feedparser/tests/wellformed/atom10/entry_title_text_plain_brackets.xml": ["items", "title"],
  "feedparser/tests/wellformed/atom/entry_title_text_plain_brackets.xml": ["items", "title"],
  "feedparser/docs/examples/examples/base.xml": ["items", "title", "link", "date", "author", "text"],
  "feedparser/tests/wellformed/atom10/entry_link_rel_license.xml": ["items", "link"],
  "feedparser/tests/wellformed/atom10/entry_link_rel_enclosure_map_enclosure_url.xml": ["items", "link"],
  "feedparser/tests/wellformed/rss/item_guid_not_permalink.xml": ["items", "link"],
  "rss-parser/test/input/atom-customfields.atom": ["items", "title", "link", "date", "author", "text"],
  "miniflux/internal/reader/encoding/testdata/utf8-incorrect-prolog.xml": ["items", "title"],
  "feedparser/tests/encoding/encoding_attribute_crash.xml": ["items", "text"],
  "feedparser/tests/wellformed/namespace/rss2.0NSwithModulesNoDefNS.xml": ["items", "title", "link", "date", "text"],
  "feedparser/tests/wellformed/rss/item_dc_creator_map_author_detail_email.xml": ["items", "author"],
};

const python = findFeedparserPython();
const onCi = process.env.CI === "true";

describe("agreement with feedparser", () => {
  it("finds python3-feedparser (required under CI)", () => {
    if (onCi) expect(python, "python3-feedparser must be installed (.ci/run installs it)").not.toBeNull();
  });

  it.skipIf(python === null)("agrees with feedparser on the files where feedparser was right", async () => {
    const files = Object.keys(FEEDPARSER_RIGHT);
    const inputs = corpusInputs().filter((i) => files.includes(i.file));
    expect(inputs.map((i) => i.file).sort()).toEqual([...files].sort());
    const comparison = await compareWithFeedparser(python!, inputs);
    const wrong = comparison.disagreements
      .filter((d) => FEEDPARSER_RIGHT[d.file]!.includes(d.field))
      .map((d) => `${d.file} ${d.field}: chipwatch ${JSON.stringify(d.ours)}, feedparser ${JSON.stringify(d.theirs)}`);
    expect(wrong).toEqual([]);
    // Every listed field was compared (both read the same items), so agreement is not vacuous.
    const compared = [...comparison.bySuite.values()].reduce((n, row) => n + row.title[1], 0);
    expect(compared).toBeGreaterThanOrEqual(files.length - 1);
  }, 120_000);
});
