// rss-parser (strict sax via xml2js) output -> our intermediate RawItem and feed fields.
import Parser from "rss-parser";
import { textOf, type RawItem } from "./feed-item.ts";

export interface RawFeed {
  title: unknown;
  link: unknown;
  language: unknown;
  ttl: unknown;
  items: RawItem[];
}

type Loose = Record<string, unknown>;

// defaultRSS: 2 reads <rss> without a version attribute as RSS 2.0 (358 corpus inputs have none).
// A new parser per document: rss-parser keeps one xml2js parser per instance, and an xml2js parser is not
// reusable after an error (node-xml2js #365, #388), so a shared one made a feed's result depend on the
// documents parsed before it. Construction costs a few microseconds.
// Dates are read raw (rss-parser's pubDate/isoDate for Atom go through new Date(), which reads zone-less times in
// the process time zone).
const ITEM_FIELDS = ["published", "updated", "dcterms:issued", "dcterms:modified", "atom:published", "atom:updated"];
const newParser = (): Parser<Loose, Loose> => new Parser({ defaultRSS: 2, customFields: { item: ITEM_FIELDS } });

function toRawItem(item: Loose): RawItem {
  const encoded = item["content:encoded"];
  return {
    guid: item.guid ?? item.id,
    link: item.link,
    title: item.title,
    summary: item.summary ?? (encoded === undefined ? undefined : item.content),
    content: encoded ?? item.content,
    dates: [
      item.published,
      item.updated,
      item.published === undefined && item.updated === undefined ? item.pubDate : undefined,
      item.date,
      item["dc:date"],
      item["atom:published"],
      item["dcterms:issued"],
      item["atom:updated"],
      item["dcterms:modified"],
    ],
    author: item.creator ?? item.author ?? item["dc:creator"],
  };
}

export async function parseWithRssParser(text: string): Promise<RawFeed> {
  const feed = (await newParser().parseString(text)) as Loose & { items?: Loose[] };
  return {
    title: feed.title,
    link: textOf(feed.link),
    language: feed.language,
    ttl: feed.ttl,
    items: (feed.items ?? []).map(toRawItem),
  };
}
