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
const parser: Parser<Loose, Loose> = new Parser({ defaultRSS: 2 });

function toRawItem(item: Loose): RawItem {
  const encoded = item["content:encoded"];
  return {
    guid: item.guid ?? item.id,
    link: item.link,
    title: item.title,
    summary: item.summary ?? (encoded === undefined ? undefined : item.content),
    content: encoded ?? item.content,
    dates: [item.isoDate, item.pubDate, item.date, item["dc:date"]],
    author: item.creator ?? item.author ?? item["dc:creator"],
  };
}

export async function parseWithRssParser(text: string): Promise<RawFeed> {
  const feed = (await parser.parseString(text)) as Loose & { items?: Loose[] };
  return {
    title: feed.title,
    link: textOf(feed.link),
    language: feed.language,
    ttl: feed.ttl,
    items: (feed.items ?? []).map(toRawItem),
  };
}
