// One org, model or chip: how articles write it, its claims (as subject or chip) with first seen, outlets and review
// state, its events over time (a monthly chart and the list, newest first), and the entities named alongside it.
// The same data as GET /api/entities/:type/:name; every name is feed or catalog text, rendered as text in <bdi>.
import type { EntityView } from "../../store/repositories/entities.ts";
import type { WeekPoint } from "../indicator-overview.ts";
import { ClaimNameCells, EntityLink, IndicatorTag, StatusBadge, Time, queryString } from "./components.tsx";
import { Layout } from "./layout.tsx";
import { WeeklyChart } from "./weekly-chart.tsx";

export const ENTITY_EVENTS_SHOWN = 100;

export interface EntityPageProps {
  actor: string;
  csrf: string | null;
  view: EntityView;
  months: WeekPoint[];
  now: Date;
}

const TYPE_LABEL: Record<string, string> = { org: "Organisation", model: "Model", chip: "Chip" };

/** Where the other pages show this entity: the queue filters by org and chip, the claims table by org and chip. */
function Elsewhere(props: { type: string; name: string }) {
  if (props.type === "model") return null;
  const key = props.type === "org" ? "org" : "chip";
  return (
    <p class="small">
      <a href={`/${queryString({ [key]: props.name, status: "any" })}`}>Its stories in the queue</a> ·{" "}
      <a href={`/claims${queryString({ [key]: props.name })}`}>Claims table</a>
    </p>
  );
}

function Claims(props: { view: EntityView }) {
  const { claims } = props.view;
  if (claims.length === 0) return <p class="muted">No claim names it.</p>;
  return (
    <table class="data" id="entity-claims">
      <thead>
        <tr>
          <th>Model / org</th>
          <th>Chip</th>
          <th>Stage</th>
          <th>First seen</th>
          <th title="independent outlets (distinct feeds)">Outlets</th>
          <th>Review</th>
        </tr>
      </thead>
      <tbody>
        {claims.map((c) => (
          <tr class={c.negated ? "negated" : ""}>
            <ClaimNameCells claim={c} />
            <td>
              {c.stage}
              {c.negated ? <span class="badge">denied</span> : null}
            </td>
            <td>
              <time datetime={c.firstSeenAt}>{c.firstSeenAt.slice(0, 10)}</time>
            </td>
            <td class="num">{c.sources}</td>
            <td>
              <StatusBadge status={c.reviewState} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Events(props: { view: EntityView; now: Date }) {
  const newest = [...props.view.events].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id - a.id);
  if (newest.length === 0) return <p class="muted">No indicator event yet.</p>;
  return (
    <>
      <ol class="entity-events">
        {newest.slice(0, ENTITY_EVENTS_SHOWN).map((e) => (
          <li data-id={String(e.id)}>
            <time datetime={e.occurredAt} class="muted small">
              {e.occurredAt.slice(0, 10)}
            </time>{" "}
            <IndicatorTag id={e.indicator} /> <StatusBadge status={e.status} />{" "}
            <a href={`/events/${e.id}`}>
              <bdi>{e.title}</bdi>
            </a>{" "}
            <span class="muted small">
              {e.story.languages.join(" + ")} · {e.story.sources} {e.story.sources === 1 ? "outlet" : "outlets"} · first seen{" "}
              <Time iso={e.firstSeenAt} now={props.now} />
            </span>
          </li>
        ))}
      </ol>
      {newest.length > ENTITY_EVENTS_SHOWN ? (
        <p class="muted small">
          {newest.length - ENTITY_EVENTS_SHOWN} older events not shown (GET /api/entities gives them all, up to 500).
        </p>
      ) : null}
    </>
  );
}

export function EntityPage(props: EntityPageProps) {
  const { entity, aliases, related } = props.view;
  return (
    <Layout title={entity.name} actor={props.actor} csrf={props.csrf}>
      <article class="entity-page" data-type={entity.type} data-name={entity.name}>
        <p class="crumbs">
          <a href="/">← Queue</a>
        </p>
        <div class="line1">
          <span class={`chip-tag t-${entity.type}`}>{TYPE_LABEL[entity.type]}</span>
        </div>
        <h1 class="entity-name">
          <bdi>{entity.name}</bdi>
        </h1>
        <p class="aliases">
          Written as:{" "}
          {aliases.map((a, i) => (
            <>
              {i > 0 ? ", " : ""}
              <q>
                <bdi>{a}</bdi>
              </q>
            </>
          ))}
        </p>
        <Elsewhere type={entity.type} name={entity.name} />
        <div class="two-col">
          <div class="col-main">
            <section class="card" id="entity-timeline">
              <h2>
                Events over time <span class="muted small">{props.view.events.length} by event date (when it happened), per month</span>
              </h2>
              <p class="muted legend small">
                <span class="swatch flagged"></span> all its events <span class="swatch confirmed"></span> confirmed
              </p>
              {props.months.length ? <WeeklyChart weekly={props.months} label={entity.name} per="month" names={["all", "confirmed"]} /> : null}
              <Events view={props.view} now={props.now} />
            </section>
            <section class="card">
              <h2>
                Claims <span class="muted small">{props.view.claims.length}, as subject or chip</span>
              </h2>
              <Claims view={props.view} />
            </section>
          </div>
          <aside class="col-side">
            <section class="card" id="related">
              <h2>Named alongside</h2>
              {related.length === 0 ? (
                <p class="muted">Nothing else.</p>
              ) : (
                <ul class="related">
                  {related.map((r) => (
                    <li>
                      <EntityLink type={r.type} name={r.name} />{" "}
                      <span class="muted small">
                        {r.articles} {r.articles === 1 ? "article" : "articles"}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </aside>
        </div>
      </article>
    </Layout>
  );
}
