// The structural pre-scan every XML document passes before a parser sees it. Inputs here are large on purpose: the
// regexes these scans replaced took minutes on them (re-reading the rest of the document from every "<").
import { describe, expect, it } from "vitest";
import { findRootElement, MAX_DECLARATION_CHARS, maxNestingDepth, scanMarkup } from "../../src/ingest/xml-prelude.ts";

describe("findRootElement", () => {
  it("skips the XML declaration, comments and DOCTYPE", () => {
    const root = findRootElement(`<?xml version="1.0"?>\n<!-- c --><!DOCTYPE rss [ <!ELEMENT x ANY> ]>\n<rss version="2.0"><channel/></rss>`);
    expect(root).toMatchObject({ name: "rss", attributes: ' version="2.0"' });
    expect(root?.prelude).toContain("<!DOCTYPE rss [");
    expect(findRootElement(`<rdf:RDF xmlns:rdf="x"/>`)?.name).toBe("rdf:RDF");
  });

  it("returns null for a start tag that never ends, however long", () => {
    expect(findRootElement(`<rss ${"a".repeat(1_000_000)}`)).toBeNull();
    expect(findRootElement(`<rss${"a".repeat(1_000_000)}`)).toBeNull();
    expect(findRootElement(`<?xml ${"a".repeat(1_000_000)}`)).toBeNull();
    expect(findRootElement(`<!-- ${"<!--".repeat(250_000)}`)).toBeNull();
  });
});

describe("scanMarkup", () => {
  it("counts element nesting, not comments, CDATA, PIs, void HTML or self-closing tags", () => {
    expect(maxNestingDepth("<a><b><c/><br><!-- <d><e><f> --><![CDATA[<g><h>]]><?pi <i>?></b></a>")).toBe(2);
    expect(maxNestingDepth(`<a title="x>y"><b></b></a>`)).toBe(2);
    expect(maxNestingDepth("<a>" + "<b>".repeat(300), 256)).toBeGreaterThan(256);
  });

  it("passes over text that only looks like tags", () => {
    expect(maxNestingDepth("<rss>" + "<a".repeat(200_000))).toBe(1);
    expect(maxNestingDepth("<rss>" + "a < b ".repeat(200_000) + "</rss>")).toBe(1);
    expect(maxNestingDepth("<rss>" + "<!--".repeat(200_000))).toBe(1);
    expect(maxNestingDepth("<rss>" + "<![CDATA[".repeat(100_000))).toBe(1);
    expect(maxNestingDepth("<rss>" + "<?".repeat(200_000))).toBe(1);
  });

  it("finds a declaration too long for sax, terminated or not", () => {
    expect(scanMarkup("<rss>" + "<!x".repeat(150_000)).longDeclarationAt).toBe(5);
    expect(scanMarkup(`<rss><a/><!${"x".repeat(MAX_DECLARATION_CHARS)}></rss>`).longDeclarationAt).toBe(9);
    // Quotes hide ">" from sax as they do here.
    expect(scanMarkup(`<rss><!x "${">".repeat(MAX_DECLARATION_CHARS)}"></rss>`).longDeclarationAt).toBe(5);
    expect(scanMarkup(`<rss><!x short declaration><a></a></rss>`)).toEqual({ depth: 2, longDeclarationAt: -1 });
    expect(scanMarkup(`<!DOCTYPE rss [ <!ELEMENT rss ANY> ]><rss/>`).longDeclarationAt).toBe(-1);
  });
});
