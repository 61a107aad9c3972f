// The Hugging Face hub's public model listing (GET /api/models?author=ORG&sort=createdAt&direction=-1&limit=N) as
// feed items: each model repo is one item linking to its page (whose model card the article fetcher reads as full
// text), dated by its creation, summarised by its task, library and tags. The JSON is checked field by field; any
// other shape is a parse failure, never a crash.
import { parseFeedDate } from "./feed-date.ts";
import { newestItems } from "./item-cap.ts";
import { FeedParseError, type FeedItem, type ParsedFeed } from "./types.ts";
import { MAX_FEED_CHARS } from "./xml-prelude.ts";

const MAX_ID_CHARS = 200;
const MAX_TAGS = 12;
/** Hub-internal tags that say nothing about the model. */
const NOISE_TAG = /^(?:region:|endpoints_compatible|autotrain_compatible|text-generation-inference|deploy:|safetensors$)/;

const str = (v: unknown, max: number): string => (typeof v === "string" ? v.trim().slice(0, max) : "");

/** A listing entry that names a model repo, with its date: all that is read of an entry before the cap. */
interface Candidate {
  model: Record<string, unknown>;
  id: string;
  published: Date | null;
}

function candidate(entry: unknown): Candidate | null {
  if (typeof entry !== "object" || entry === null) return null;
  const model = entry as Record<string, unknown>;
  const id = str(model.id, MAX_ID_CHARS + 1) || str(model.modelId, MAX_ID_CHARS + 1);
  if (!/^[\w.-]+\/[\w.-]+$/.test(id) || id.length > MAX_ID_CHARS) return null;
  return { model, id, published: parseFeedDate(str(model.createdAt, 100)) ?? parseFeedDate(str(model.lastModified, 100)) };
}

function modelItem({ model: m, id, published }: Candidate, origin: string): FeedItem {
  const tags = Array.isArray(m.tags) ? m.tags.filter((t): t is string => typeof t === "string" && t.length <= 60 && !NOISE_TAG.test(t)).slice(0, MAX_TAGS) : [];
  const card = typeof m.cardData === "object" && m.cardData !== null ? (m.cardData as Record<string, unknown>) : {};
  const described = str(card.description, 2000) || str(card.summary, 2000);
  const task = str(m.pipeline_tag, 60);
  const library = str(m.library_name, 60);
  const facts = [task && `task: ${task}`, library && `library: ${library}`, tags.length ? `tags: ${tags.join(", ")}` : ""].filter(Boolean).join("; ");
  const link = `${origin}/${id}`;
  return {
    guid: link,
    link,
    title: `${id}: new model on Hugging Face`,
    summary: [described, facts].filter(Boolean).join(" — "),
    contentHtml: null,
    published,
    author: id.split("/")[0] ?? null,
    authorEmail: null,
  };
}

/**
 * `origin` is where model pages live (https://huggingface.co, or a test server). Items are built only for the newest
 * `maxItems` models (the rest are counted): a hostile 10,000-model listing used to build every item first, and the
 * garbage of 10,000 items made V8's scavenges grow with it (4n / n of about 10 in `npm run bench -- listing`).
 */
export function parseHuggingFaceModels(text: string, origin: string, maxItems = Number.POSITIVE_INFINITY): { feed: ParsedFeed; skipped: number } {
  if (text.length > MAX_FEED_CHARS) throw new FeedParseError(`document too large: ${text.length} characters`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new FeedParseError(`not a Hugging Face model listing: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(data)) throw new FeedParseError("not a Hugging Face model listing: expected a JSON array of models");
  const { items, skipped } = newestItems(data.flatMap((entry) => candidate(entry) ?? []), maxItems);
  const feed: ParsedFeed = { format: "huggingface", parser: "huggingface", title: "", link: null, language: null, ttlMinutes: null, items: items.map((c) => modelItem(c, origin)) };
  return { feed, skipped };
}
