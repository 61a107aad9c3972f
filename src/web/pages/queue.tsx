// The review queue, one item per story: each story card carries its languages, independent outlets, claims and
// entities, and every indicator event of the story with score, rules and status, decided in one place (one key or
// button for all of its flagged indicators, one per indicator for the rest). Filters live in the URL.
import { INDICATOR_IDS } from "../../extract/types.ts";
import { indicatorLabel } from "../../report/indicator-labels.ts";
import type { ClaimSummary, EntityNames, EventListItem } from "../../store/repositories/events.ts";
import type { StoryQueueItem, StoryQueuePage } from "../../store/repositories/story-queue.ts";
import { EVENT_STATUSES } from "../../review/status.ts";
import type { EventQuery } from "../params.ts";
import { ClaimLine, CsrfField, EntityChips, ExternalLink, FilterActions, IndicatorTag, Score, StatusBadge, Time, queryString } from "./components.tsx";
import { Layout } from "./layout.tsx";

export interface QueueProps {
  actor: string;
  csrf: string | null;
  /** The raw query as given (for refilling the form and building links). */
  raw: Record<string, string>;
  query: EventQuery;
  page: StoryQueuePage;
  options: { orgs: string[]; chips: string[]; langs: string[] };
  now: Date;
  error?: string;
}

function Select(props: { name: string; label: string; value: string | undefined; options: [string, string][]; empty: string }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{props.empty}</option>
        {props.options.map(([v, text]) => (
          <option value={v} selected={props.value === v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

function Filters(props: QueueProps) {
  const r = props.raw;
  return (
    <form method="get" action="/" class="filters" id="filters">
      <Select name="indicator" label="Indicator" value={r.indicator} empty="All indicators" options={INDICATOR_IDS.map((i) => [i, indicatorLabel(i)])} />
      <Select
        name="status"
        label="Status"
        value={r.status}
        empty="Flagged"
        options={[["any", "Any status"], ...EVENT_STATUSES.filter((s) => s !== "flagged").map((s): [string, string] => [s, s])]}
      />
      <Select name="org" label="Org" value={r.org} empty="Any org" options={props.options.orgs.map((o) => [o, o])} />
      <Select name="chip" label="Chip" value={r.chip} empty="Any chip" options={props.options.chips.map((o) => [o, o])} />
      <Select name="lang" label="Language" value={r.lang} empty="Any" options={props.options.langs.map((o) => [o, o])} />
      <label>
        From
        <input type="date" name="from" value={r.from ?? ""} />
      </label>
      <label>
        To
        <input type="date" name="to" value={r.to ?? ""} />
      </label>
      <label class="grow">
        Search
        <input type="search" name="q" value={r.q ?? ""} placeholder="title contains…" />
      </label>
      <Select name="sort" label="Sort" value={r.sort} empty="Priority" options={[["newest", "Newest"], ["score", "Score"]]} />
      <FilterActions submit="Apply" reset="/" />
    </form>
  );
}

/** The names of all of a story's events, each once, sorted. */
function storyEntities(events: EventListItem[]): EntityNames {
  const union = (pick: (e: EventListItem) => string[]) => [...new Set(events.flatMap(pick))].sort();
  return { org: union((e) => e.entities.org), model: union((e) => e.entities.model), chip: union((e) => e.entities.chip) };
}

/** The distinct claims behind a story's events. */
function storyClaims(events: EventListItem[]): ClaimSummary[] {
  const seen = new Map<string, ClaimSummary>();
  for (const e of events) if (e.claim) seen.set(JSON.stringify([e.claim.subject, e.claim.chip, e.claim.stage, e.claim.negated]), e.claim);
  return [...seen.values()];
}

function IndicatorRow(props: { e: EventListItem; n: number; back: string; csrf: string | null }) {
  const { e } = props;
  return (
    <tr class={`story-event st-${e.status}`} data-id={String(e.id)} data-status={e.status}>
      <td class="sel">
        <input type="checkbox" name="ids" value={String(e.id)} form="bulk" aria-label={`select event ${e.id}`} />
      </td>
      <td class="key">{props.n < 9 ? <kbd>{props.n + 1}</kbd> : null}</td>
      <td>
        <IndicatorTag id={e.indicator} />
        {e.novel ? (
          <span class="badge novel" title="first claim of its kind">
            new claim
          </span>
        ) : null}
      </td>
      <td class="num-col">
        <Score value={e.score} />
      </td>
      <td class="rules small muted" title={e.rules.join(", ")}>
        {e.rules.join(", ")}
      </td>
      <td class="status-col">
        <StatusBadge status={e.status} />
      </td>
      <td class="act-col">
        <form method="post" action={`/events/${e.id}/review`} class="inline">
          <input type="hidden" name="back" value={props.back} />
          <CsrfField token={props.csrf} />
          <button type="submit" name="action" value="confirm" class="icon ok" title={`Confirm this indicator (${props.n + 1})`}>
            ✓
          </button>
          <button type="submit" name="action" value="dismiss" class="icon no" title="Dismiss this indicator">
            ✕
          </button>
        </form>
      </td>
      <td class="small">
        <a href={`/events/${e.id}`}>details</a>
      </td>
    </tr>
  );
}

/** Confirm or dismiss every flagged indicator of the story at once (the c and d keys do the same from the keyboard). */
function StoryActions(props: { flagged: EventListItem[]; back: string; csrf: string | null }) {
  if (props.flagged.length === 0) return null;
  return (
    <form method="post" action="/review" class="story-actions">
      <CsrfField token={props.csrf} />
      <input type="hidden" name="back" value={props.back} />
      {props.flagged.map((e) => (
        <input type="hidden" name="ids" value={String(e.id)} />
      ))}
      <button type="submit" name="action" value="confirm" class="ok" title="c">
        Confirm {props.flagged.length === 1 ? "the flagged indicator" : `all ${props.flagged.length} flagged indicators`}
      </button>
      <button type="submit" name="action" value="dismiss" class="no" title="d">
        Dismiss {props.flagged.length === 1 ? "it" : "them"}
      </button>
    </form>
  );
}

function StoryCard(props: { s: StoryQueueItem; now: Date; back: string; csrf: string | null }) {
  const { s } = props;
  const lead = s.events.find((e) => e.status === "flagged") ?? s.events[0]!;
  const firstSeen = s.events.map((e) => e.firstSeenAt).sort()[0]!;
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
          · happened <Time iso={s.occurredAt} now={props.now} /> · first seen <Time iso={firstSeen} now={props.now} /> ·{" "}
          <span title="priority = score + 0.15·novel + 0.1·min(sources−1, 3), of its most important flagged indicator">prio {s.priority.toFixed(2)}</span> ·{" "}
          <ExternalLink href={lead.url} class="src-link">
            {lead.feed ?? "source"}
          </ExternalLink>
        </span>
      </header>
      {storyClaims(s.events).map((cl) => (
        <ClaimLine claim={cl} />
      ))}
      <EntityChips entities={storyEntities(s.events)} />
      <table class="story-indicators">
        <tbody>
          {s.events.map((e, i) => (
            <IndicatorRow e={e} n={i} back={props.back} csrf={props.csrf} />
          ))}
        </tbody>
      </table>
      <StoryActions flagged={s.events.filter((e) => e.status === "flagged")} back={props.back} csrf={props.csrf} />
    </section>
  );
}

function Pager(props: { raw: Record<string, string>; page: StoryQueuePage }) {
  const { page, limit, total } = props.page;
  const pages = Math.max(1, Math.ceil(total / limit));
  if (pages <= 1) return null;
  const link = (p: number) => `/${queryString({ ...props.raw, page: p })}`;
  return (
    <nav class="pager">
      {page > 1 ? <a href={link(page - 1)}>← Previous</a> : <span />}
      <span class="muted">
        Page {page} of {pages}
      </span>
      {page < pages ? <a href={link(page + 1)}>Next →</a> : <span />}
    </nav>
  );
}

export function QueuePage(props: QueueProps) {
  const { items, total } = props.page;
  const status = props.raw.status === "any" ? "any" : (props.raw.status ?? "flagged");
  const back = `/${queryString(props.raw)}`;
  return (
    <Layout title="Queue" actor={props.actor} csrf={props.csrf} active="/">
      <div class="page-head">
        <h1>
          Review queue{" "}
          <span class="muted">
            {total} {total === 1 ? "story" : "stories"} {status === "any" ? "" : `with ${status} indicators`}
          </span>
        </h1>
        <p class="keys muted">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>c</kbd> confirm every flagged indicator · <kbd>d</kbd> dismiss every flagged indicator ·{" "}
          <kbd>1</kbd>–<kbd>9</kbd> confirm one indicator (again: dismiss it) · <kbd>n</kbd> note · <kbd>x</kbd> select · <kbd>o</kbd> open
          source · <kbd>Enter</kbd> details
        </p>
      </div>
      <Filters {...props} />
      {props.error ? <p class="error">{props.error}</p> : null}
      <form method="post" action="/review" id="bulk" class="bulkbar">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="back" value={back} />
        <label class="select-all">
          <input type="checkbox" id="select-all" aria-label="select all" /> all
        </label>
        <label class="grow">
          <span class="sr">Note</span>
          <input type="text" name="note" id="note" maxlength={4000} placeholder="Note (optional; n to focus, Enter adds it, Esc returns)" autocomplete="off" />
        </label>
        <button type="submit" name="action" value="confirm" class="ok">
          Confirm selected
        </button>
        <button type="submit" name="action" value="dismiss" class="no">
          Dismiss selected
        </button>
        <span id="status-line" class="muted small" role="status" aria-live="polite"></span>
      </form>
      {items.length === 0 ? (
        <div class="card empty">Nothing here. {props.raw.status ? "" : "No story has flagged indicators matching the filters: the queue is clear."}</div>
      ) : (
        <div id="stories">
          {items.map((s) => (
            <StoryCard s={s} now={props.now} back={back} csrf={props.csrf} />
          ))}
        </div>
      )}
      <Pager raw={props.raw} page={props.page} />
    </Layout>
  );
}
