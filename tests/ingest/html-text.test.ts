import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/ingest/html-text.ts";

describe("htmlToText", () => {
  it("strips markup, scripts and styles, decodes entities, keeps block boundaries", () => {
    expect(htmlToText("<p>One</p><p>Two&nbsp;&amp; three</p><script>evil()</script><style>p{}</style>")).toBe("One Two & three");
    expect(htmlToText("华为<b>昇腾</b>&lt;910B&gt;")).toBe("华为昇腾<910B>");
    expect(htmlToText("  plain\n text\u3000here ")).toBe("plain text here");
    expect(htmlToText("line<br>break")).toBe("line break");
  });
});

describe("htmlToText fast path and DOM path agree", () => {
  it.each([
    "<p>A &amp; B</p><div>C&#160;D &#x4e2d;</div>",
    "<b>bold</b> and <i>italic</i><!-- hidden --><script>x<y</script>",
    "Caf&eacute; &copy; 2024 &mdash; done", // named entities beyond the XML five: DOM path
    "a < b and c > d",
    "<p>unclosed <em>tags",
  ])("%s", (html) => {
    const text = htmlToText(html);
    expect(text).not.toMatch(/<\/?[a-z]+>|&[a-z]+;/i);
    expect(text.length).toBeGreaterThan(0);
  });

  it("decodes named HTML entities", () => {
    expect(htmlToText("Caf&eacute; &copy; 2024 &mdash; done")).toBe("Café © 2024 — done");
    expect(htmlToText("a < b and c > d")).toBe("a < b and c > d");
  });
});

describe("htmlToText on markup that never ends", () => {
  it("drops an unterminated comment, script or tag with the rest of the text", () => {
    expect(htmlToText("kept <!-- " + "<!--".repeat(200_000))).toBe("kept");
    expect(htmlToText("kept <script>" + "<script>a".repeat(200_000))).toBe("kept");
    expect(htmlToText("kept <a" + "<a".repeat(200_000))).toBe("kept");
    expect(htmlToText("kept <!x" + "<!x".repeat(200_000))).toBe("kept");
  });

  it("keeps a < that cannot start markup, whatever follows", () => {
    expect(htmlToText("<<b>!--x &eacute;")).toBe("<!--x é");
    expect(htmlToText("1 < 2 </ x> and 3 <> 4")).toBe("1 < 2 and 3 <> 4");
  });

  it("reads deeply nested markup without a tree walk", () => {
    expect(htmlToText("<div>".repeat(50_000) + "Caf&eacute;" + "</div>".repeat(50_000))).toBe("Café");
  });
});
