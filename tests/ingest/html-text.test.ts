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
