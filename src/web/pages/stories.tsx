// The review queue by story: one card per story with flagged evidence, its languages and independent outlets, and
// each of its indicators with score, rules and status, decided in one place from the keyboard.
import type { StoryQueueItem, StoryQueuePage } from "../../store/repositories/story-queue.ts";
import { IndicatorTag, Score, StatusBadge, Time, queryString } from "./components.tsx";
import { Layout } from "./layout.tsx";

export interface StoriesProps {
  actor: string;
  csrf: string | null;
  page: StoryQueuePage;
  now: Date;
}

function StoryCard(props: { s: StoryQueueItem; now: Date }) {
  const { s } = props;
  const lead = s.events.find((e) => e.status === "flagged") ?? s.events[0]!;
  return (
    <section class="card story" data-story={String(s.story.id)} data-url={lead.url ?? ""} data-lead={String(lead.id)} tabindex={-1}>
      <header class="story-head">
        <a class="headline" href={`/events/${lead.id}`}>
          <bdi>{s.title}</bdi>
        </a>
        <span class="story-meta muted small">
          {s.story.languages.map((l) => (
            <span class={`badge lang lang-${l}`}>{l}</span>
          ))}{" "}
          <span class="outlets" title="independent outlets (distinct feeds) reporting the story">
            {s.story.sources} {s.story.sources === 1 ? "outlet" : "outlets"}
          </span>{" "}
          · happened <Time iso={s.occurredAt} now={props.now} /> · prio {s.priority.toFixed(2)}
        </span>
      </header>
      <table class="story-indicators">
        <tbody>
          {s.events.map((e, i) => (
            <tr class={`story-event st-${e.status}`} data-id={String(e.id)} data-status={e.status}>
              <td class="key">{i < 9 ? <kbd>{i + 1}</kbd> : null}</td>
              <td>
                <IndicatorTag id={e.indicator} />
              </td>
              <td class="num-col">
                <Score value={e.score} />
              </td>
              <td class="rules small muted">{e.rules.join(", ")}</td>
              <td class="status-col">
                <StatusBadge status={e.status} />
              </td>
              <td class="small">
                <a href={`/events/${e.id}`}>details</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function StoriesPage(props: StoriesProps) {
  const { items, total, page, limit } = props.page;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <Layout title="Stories" actor={props.actor} csrf={props.csrf} active="/stories">
      <div class="page-head">
        <h1>
          Stories to review <span class="muted">{total} with flagged indicators</span>
        </h1>
        <p class="keys muted">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>c</kbd> confirm every flagged indicator · <kbd>d</kbd> dismiss every flagged indicator ·{" "}
          <kbd>1</kbd>–<kbd>9</kbd> confirm one indicator (again: dismiss it) · <kbd>o</kbd> open source · <kbd>Enter</kbd> details
        </p>
      </div>
      <p id="status-line" class="muted small" role="status" aria-live="polite"></p>
      {items.length === 0 ? (
        <div class="card empty">No story has flagged indicators: the queue is clear.</div>
      ) : (
        <div id="stories">
          {items.map((s) => (
            <StoryCard s={s} now={props.now} />
          ))}
        </div>
      )}
      {pages > 1 ? (
        <nav class="pager">
          {page > 1 ? <a href={`/stories${queryString({ page: page - 1 })}`}>← Previous</a> : <span />}
          <span class="muted">
            Page {page} of {pages}
          </span>
          {page < pages ? <a href={`/stories${queryString({ page: page + 1 })}`}>Next →</a> : <span />}
        </nav>
      ) : null}
    </Layout>
  );
}
