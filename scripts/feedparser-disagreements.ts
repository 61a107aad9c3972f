// Why chipwatch and feedparser disagree, one rule per class of disagreement (see scripts/compare-feedparser.ts).
import type { CorpusInput } from "../tests/support/feed-corpus.ts";

export type VerdictClass = "chipwatch right" | "feedparser right" | "policy" | "unclassified";

export interface Verdict {
  class: VerdictClass;
  reason: string;
}

export interface Case {
  file: string;
  field: "items" | "title" | "link" | "date" | "author" | "text";
  ours: unknown;
  theirs: unknown;
  input: CorpusInput;
}

interface Rule extends Verdict {
  applies: (c: Case) => boolean;
}

const str = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v) ?? "");
const inFile = (...parts: string[]) => (c: Case) => parts.some((p) => c.file.includes(p));
const field = (f: Case["field"], test: (c: Case) => boolean = () => true) => (c: Case) => c.field === f && test(c);
const oursEmpty = (c: Case) => str(c.ours) === "" || str(c.ours).startsWith(" <");
const theirsEmpty = (c: Case) => str(c.theirs) === "";
const and = (...tests: ((c: Case) => boolean)[]) => (c: Case) => tests.every((t) => t(c));

// First matching rule wins: specific files and patterns first, generic fallbacks last.
const RULES: Rule[] = [
  // items
  { class: "chipwatch right", reason: "JSON Feed: feedparser 6.0.10 does not read it", applies: and(field("items"), (c) => c.file.endsWith(".json")) },
  { class: "chipwatch right", reason: "UTF-16 without a BOM, recognised from the zero-byte pattern", applies: and(field("items"), inFile("utf16")) },
  { class: "chipwatch right", reason: "illegally nested items read once each (feedparser counts nested items twice)", applies: and(field("items"), inFile("illegally-nested")) },
  { class: "policy", reason: "DOCTYPE entity declarations are refused (billion laughs, XXE), also when harmless", applies: and(field("items"), (c) => str(c.ours).includes("DOCTYPE declares entities")) },
  { class: "policy", reason: "CDF (Microsoft Channel Definition Format) is not read", applies: and(field("items"), (c) => str(c.ours).includes("root element <CHANNEL>")) },
  { class: "policy", reason: "a lone Atom <entry> document is not a feed", applies: and(field("items"), (c) => str(c.ours).includes("root element <entry>")) },
  { class: "policy", reason: "ill-formed XML (mismatched end tag, unclosed CDATA) is refused where feedparser's loose parser guesses", applies: and(field("items"), (c) => str(c.ours).includes("not a parsable feed")) },
  { class: "policy", reason: "<item> inside an Atom <feed> is not an Atom entry", applies: and(field("items"), (c) => c.ours === 0) },
  // encodings (any field)
  { class: "chipwatch right", reason: "undeclared GB2312 recognised (feedparser without chardet gives mojibake)", applies: inFile("chardet/gb2312") },
  { class: "policy", reason: "undeclared EUC-KR / Shift_JIS: neither side decodes it (chipwatch guesses only GB18030)", applies: inFile("chardet/") },
  { class: "policy", reason: "decoded base64 content is read as HTML; feedparser keeps its markup as text", applies: inFile("base64") },
  { class: "chipwatch right", reason: "script and style content is not text (feedparser, sanitising off, keeps it)", applies: inFile("/sanitize/") },
  // dates
  { class: "chipwatch right", reason: "fractional seconds kept (feedparser truncates them)", applies: field("date", (c) => !oursEmpty(c) && !theirsEmpty(c) && str(c.ours).slice(0, 19) === str(c.theirs).slice(0, 19)) },
  { class: "feedparser right", reason: "several <created>/<updated>: chipwatch takes the last, feedparser the first", applies: and(field("date"), inFile("multiple_values")) },
  { class: "chipwatch right", reason: "dates feedparser cannot read (Italian and Portuguese names, 12-hour clocks)", applies: field("date", (c) => theirsEmpty(c) || inFile("nbcny")(c)) },
  { class: "feedparser right", reason: "a date in an element chipwatch does not read (psc chapters, prefixed Atom, second RDF item)", applies: field("date", oursEmpty) },
  // links
  { class: "chipwatch right", reason: "an Atom id or guid that is not a URL is not a link", applies: field("link", (c) => oursEmpty(c) && !/^https?:\/\//.test(str(c.theirs))) },
  { class: "chipwatch right", reason: "alternate-link priority (feedparser takes an enclosure link)", applies: and(field("link"), inFile("no_href")) },
  { class: "chipwatch right", reason: "feedparser carries one item's xml:base into the next item", applies: and(field("link"), inFile("item-scoped-html-base")) },
  { class: "chipwatch right", reason: "relative links resolved against the feed link / document URL (feedparser leaves them relative)", applies: field("link", (c) => !/^[a-z][a-z0-9+.-]*:/i.test(str(c.theirs)) && !oursEmpty(c)) },
  { class: "policy", reason: "several <link> elements: chipwatch takes the first, feedparser the last", applies: and(field("link"), inFile("item_links")) },
  { class: "policy", reason: "an http(s) link is preferred over an at:// URI", applies: and(field("link"), inFile("uri_at_protocol")) },
  { class: "policy", reason: "a permalink guid that is not a valid URL is still taken as the link", applies: and(field("link"), inFile("ValueError")) },
  { class: "feedparser right", reason: "a link in an element chipwatch does not read", applies: field("link", oursEmpty) },
  // titles
  { class: "feedparser right", reason: "title from media:title when the item has no <title>", applies: and(field("title"), inFile("media_title")) },
  { class: "chipwatch right", reason: "control characters dropped (illegal in XML)", applies: and(field("title"), inFile("illegal_char")) },
  { class: "chipwatch right", reason: "inline markup (<sup>) joined without a space", applies: and(field("title"), inFile("craigslist")) },
  { class: "feedparser right", reason: "a title chipwatch loses (item with category image / enclosure children)", applies: field("title", oursEmpty) },
  // authors
  { class: "policy", reason: "several authors: chipwatch reports the first, feedparser the last", applies: and(field("author"), inFile("author_multiple", "authors_", "atom-10.xml")) },
  { class: "chipwatch right", reason: "\"Name <email>\" split correctly (feedparser garbles it)", applies: and(field("author"), inFile("relurl_1")) },
  { class: "policy", reason: "a different author element is preferred (itunes:author / dc:creator / author text)", applies: and(field("author"), inFile("Taverncast", "itunes-", "spec_2")) },
  { class: "feedparser right", reason: "author markup mangled (\"<p>Item Author</p>\" gives \"p Item Author\")", applies: field("author", (c) => str(c.ours).startsWith("p ")) },
  { class: "feedparser right", reason: "author from channel-level / dc:author / itunes elements chipwatch does not read", applies: field("author", oursEmpty) },
  // text
  { class: "chipwatch right", reason: "literal (type=\"text\") content keeps its brackets", applies: and(field("text"), inFile("text_plain_brackets")) },
  { class: "feedparser right", reason: "base64 Atom content not decoded in an entry with extensions and <source>", applies: and(field("text"), inFile("issue_275")) },
  { class: "feedparser right", reason: "a few doubly encoded characters (UTF-8 read as windows-1252 inside a UTF-8 file) not repaired", applies: inFile("for_file_mock.xml") },
  { class: "policy", reason: "a different element preferred for text or author in namespace reference files (media/itunes/dc vs atom)", applies: inFile("atom-ns.xml", "rdf-ns.xml") },
  { class: "policy", reason: "an entity that cannot be resolved is kept as written", applies: inFile("entry-entity-rss20") },
  { class: "policy", reason: "line-noise bytes decoded as UTF-8 with replacement characters", applies: inFile("bozo_linenoise") },
  { class: "chipwatch right", reason: "&amp; &lt; &gt; in KOI8-R text decoded (feedparser's output is garbled)", applies: inFile("koi8r") },
  { class: "policy", reason: "description preferred over a longer itunes:summary / content", applies: and(field("text"), inFile("rss_2.0_ch9", "single_quote_xml_encoding", "itunes-missing-image")) },
  { class: "feedparser right", reason: "text only in xhtml:body, <body> or atom:content inside RSS (not read)", applies: field("text", oursEmpty) },
  { class: "policy", reason: "RSS description preferred over itunes:summary / media:description / <summary>", applies: and(field("text"), inFile("summary_and_description", "rss-ns", "mediarss")) },
  { class: "feedparser right", reason: "windows-1252 punctuation in a document declared otherwise (feedparser repairs it)", applies: and(field("text"), inFile("double-encoded", "demoronize")) },
];

export function classify(c: Case): Verdict {
  const rule = RULES.find((r) => r.applies(c));
  return rule ? { class: rule.class, reason: rule.reason } : { class: "unclassified", reason: "not yet classified" };
}
