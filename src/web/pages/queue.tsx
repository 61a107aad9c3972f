// The review queue: flagged events, most important first, with filters kept in the URL and keyboard review.
import { INDICATOR_IDS } from "../../extract/types.ts";
import { indicatorLabel } from "../../report/indicator-labels.ts";
import type { EventListItem, EventPage } from "../../store/repositories/events.ts";
import { EVENT_STATUSES } from "../../review/status.ts";
import type { EventQuery } from "../params.ts";
import { CsrfField, ExternalLink, FilterActions, IndicatorTag, Score, StatusBadge, Time, queryString } from "./components.tsx";
import { Layout } from "./layout.tsx";

export interface QueueProps {
  actor: string;
  csrf: string | null;
  /** The raw query as given (for refilling the form and building links). */
  raw: Record<string, string>;
  query: EventQuery;
  page: EventPage;
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

function Entities(props: { e: EventListItem }) {
  const { org, model, chip } = props.e.entities;
  return (
    <div class="entities">
      {org.map((n) => (
        <span class="chip-tag t-org">{n}</span>
      ))}
      {model.map((n) => (
        <span class="chip-tag t-model">{n}</span>
      ))}
      {chip.map((n) => (
        <span class="chip-tag t-chip">{n}</span>
      ))}
    </div>
  );
}

function Row(props: { e: EventListItem; now: Date; back: string; csrf: string | null }) {
  const e = props.e;
  return (
    <tr class={`event-row st-${e.status}`} data-id={String(e.id)} data-url={e.url ?? ""} tabindex={-1}>
      <td class="sel">
        <input type="checkbox" name="ids" value={String(e.id)} form="bulk" aria-label={`select event ${e.id}`} />
      </td>
      <td class="main">
        <div class="line1">
          <IndicatorTag id={e.indicator} />
          {e.novel ? <span class="badge novel" title="first claim of its kind">new claim</span> : null}
          <StatusBadge status={e.status} />
        </div>
        <a class="headline" href={`/events/${e.id}`}>
          <bdi>{e.title}</bdi>
        </a>
        {e.claim ? (
          <div class={`claim ${e.claim.negated ? "negated" : ""}`}>
            <span class="subj">{e.claim.subject}</span> <span class="arrow">→</span> <span class="chipname">{e.claim.chip}</span>{" "}
            <span class="stage">{e.claim.stage}</span> <span class="modality">{e.claim.negated ? "denied" : e.claim.modality}</span>
          </div>
        ) : null}
        <Entities e={e} />
      </td>
      <td class="num-col">
        <Score value={e.score} />
        <div class="muted small" title="priority = score + 0.15·novel + 0.1·min(sources−1, 3)">
          prio {e.priority.toFixed(2)}
        </div>
      </td>
      <td class="sources-col">
        <span class="count">{e.sourceCount}</span> {e.sourceCount === 1 ? "source" : "sources"}
        <div class="small">
          <ExternalLink href={e.url} class="src-link">
            {e.feed ?? "source"}
          </ExternalLink>
        </div>
      </td>
      <td class="age-col">
        <Time iso={e.firstSeenAt} now={props.now} />
      </td>
      <td class="act-col">
        <form method="post" action={`/events/${e.id}/review`} class="inline">
          <input type="hidden" name="back" value={props.back} />
          <CsrfField token={props.csrf} />
          <button type="submit" name="action" value="confirm" class="icon ok" title="Confirm (c)">
            ✓
          </button>
          <button type="submit" name="action" value="dismiss" class="icon no" title="Dismiss (d)">
            ✕
          </button>
        </form>
      </td>
    </tr>
  );
}

function Pager(props: { raw: Record<string, string>; page: EventPage }) {
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
  const statusLabel = props.raw.status === "any" ? "events" : `${props.raw.status ?? "flagged"} events`;
  return (
    <Layout title="Queue" actor={props.actor} csrf={props.csrf} active="/">
      <div class="page-head">
        <h1>
          Review queue <span class="muted">{total} {statusLabel}</span>
        </h1>
        <p class="keys muted">
          <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>c</kbd> confirm · <kbd>d</kbd> dismiss · <kbd>n</kbd> note · <kbd>o</kbd> open source ·{" "}
          <kbd>Enter</kbd> details · <kbd>x</kbd> select
        </p>
      </div>
      <Filters {...props} />
      {props.error ? <p class="error">{props.error}</p> : null}
      <form method="post" action="/review" id="bulk" class="bulkbar">
        <CsrfField token={props.csrf} />
        <input type="hidden" name="back" value={`/${queryString(props.raw)}`} />
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
        <div class="card empty">Nothing here. {props.raw.status ? "" : "No flagged events match: the queue is clear."}</div>
      ) : (
        <table class="queue" id="queue">
          <thead>
            <tr>
              <th class="sel">
                <input type="checkbox" id="select-all" aria-label="select all" />
              </th>
              <th>Event</th>
              <th>Score</th>
              <th>Sources</th>
              <th>Age</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <Row e={e} now={props.now} back={`/${queryString(props.raw)}`} csrf={props.csrf} />
            ))}
          </tbody>
        </table>
      )}
      <Pager raw={props.raw} page={props.page} />
    </Layout>
  );
}
