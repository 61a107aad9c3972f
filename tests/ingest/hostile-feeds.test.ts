// Hostile feeds from the "one bad feed freezes the service" report: each parses or is refused with a reason. Before
// the linear scans, each of these took from minutes to hours (the first one 62 s at 450 KB); timing is measured in
// `npm run bench -- hostile`, not here.
import { describe, expect, it } from "vitest";
import { parseFeed } from "../../src/ingest/parse.ts";

const rssItem = (title: string, description: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Hostile</title><link>https://h.example/</link>` +
  `<item><title>${title}</title><link>https://h.example/1</link><description>${description}</description></item></channel></rss>`;

describe("hostile feeds", () => {
  it("refuses an unterminated <!x repeated (a markup declaration sax would re-read at every character)", async () => {
    await expect(parseFeed("<rss>" + "<!x".repeat(150_000))).rejects.toThrow(/markup declaration .* runs over/);
  });

  it("refuses an unterminated root start tag", async () => {
    await expect(parseFeed(`<rss ${"a".repeat(500_000)}`)).rejects.toThrow(/no XML root element/);
  });

  it("reads a title of &lt;a repeated as an unterminated tag", async () => {
    const feed = await parseFeed(rssItem("&lt;a".repeat(100_000), "Ascend shipments rose."));
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]!.title).toBe("");
    expect(feed.items[0]!.summary).toBe("Ascend shipments rose.");
  });

  it("decodes a long run of entities whole (feedsmith's decoder works in slices cut before an &)", async () => {
    // 4,096-character slices: entities of every kind straddle the cut points; none may be split or lost.
    const unit = "Caf&eacute; &amp; &#x534E;&#20026; &hellip; &notin; ";
    const summary = (await parseFeed(rssItem("T", unit.repeat(3_000)))).items[0]!.summary;
    const want = Array<string>(3_000).fill("Café & 华为 … ∉").join(" ");
    const firstDifference = [...want].findIndex((c, i) => summary[i] !== c);
    expect({ length: summary.length, firstDifference }).toEqual({ length: want.length, firstDifference: -1 });
  });

  it("drops an unclosed comment or script in a description with the rest of it, as a browser does", async () => {
    const comment = await parseFeed(rssItem("Comment", "Kept &lt;!--" + "&lt;!--".repeat(100_000)));
    expect(comment.items[0]!.summary).toBe("Kept");
    const script = await parseFeed(rssItem("Script", "<![CDATA[Kept <script>" + "<script>a".repeat(100_000) + "]]>"));
    expect(script.items[0]!.summary).toBe("Kept");
  });

  it("reads 20,000 nested divs in a CDATA description (a RangeError in cheerio before)", async () => {
    const html = "<div>".repeat(20_000) + "Caf&eacute; Ascend 910B" + "</div>".repeat(20_000);
    const feed = await parseFeed(rssItem("Nested", `<![CDATA[${html}]]>`));
    expect(feed.items[0]!.summary).toBe("Café Ascend 910B");
  });
});
