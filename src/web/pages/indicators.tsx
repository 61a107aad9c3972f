// Indicators: per indicator its state, a weekly chart of flagged vs. confirmed events, and the latest confirmed evidence.
import type { IndicatorOverview } from "../indicator-overview.ts";
import type { TimelinePoint } from "../../store/repositories/timeline.ts";
import { ExternalLink, Time, queryString } from "./components.tsx";
import { Layout } from "./layout.tsx";
import { WeeklyChart } from "./weekly-chart.tsx";

const STATE_HELP: Record<string, string> = {
  unseen: "no evidence yet",
  weak: "flagged or candidate evidence from a single story",
  corroborated: "two flagged stories, or one story from two independent feeds",
  confirmed: "an analyst confirmed evidence",
};

export function IndicatorsPage(props: {
  actor: string;
  csrf: string | null;
  items: IndicatorOverview[];
  timelines: Map<string, TimelinePoint[]>;
  range: { from: string; to: string; bucket: string };
  now: Date;
}) {
  return (
    <Layout title="Indicators" actor={props.actor} csrf={props.csrf} active="/indicators">
      <div class="page-head">
        <h1>Indicators</h1>
        <p class="muted legend">
          <span class="swatch flagged"></span> flagged for review <span class="swatch confirmed"></span> confirmed · by event date
          (when it happened), per {props.range.bucket}, {props.range.from} to {props.range.to}
        </p>
        <form method="get" action="/indicators" class="filters">
          <label>
            from <input type="date" name="from" value={props.range.from} />
          </label>
          <label>
            to <input type="date" name="to" value={props.range.to} />
          </label>
          <select name="bucket">
            {["month", "week"].map((b) => (
              <option value={b} selected={props.range.bucket === b}>
                per {b}
              </option>
            ))}
          </select>
          <button type="submit">Show</button>
        </form>
      </div>
      <div class="grid">
        {props.items.map((ind) => (
          <section class="card indicator" id={ind.id}>
            <header>
              <h2>{ind.label}</h2>
              <span class={`state state-${ind.state}`} title={STATE_HELP[ind.state]}>
                {ind.state}
              </span>
            </header>
            <p class="counts small">
              <a href={`/${queryString({ indicator: ind.id })}`}>{ind.counts.flagged} flagged</a> ·{" "}
              <a href={`/${queryString({ indicator: ind.id, status: "confirmed" })}`}>{ind.counts.confirmed} confirmed</a> ·{" "}
              <a href={`/${queryString({ indicator: ind.id, status: "dismissed" })}`}>{ind.counts.dismissed} dismissed</a> ·{" "}
              <a href={`/${queryString({ indicator: ind.id, status: "candidate" })}`}>{ind.counts.candidate} candidates</a>
            </p>
            <WeeklyChart
              weekly={(props.timelines.get(ind.id) ?? []).map((p) => ({ week: p.period, weekStart: p.period, flagged: p.flagged, confirmed: p.confirmed }))}
              label={ind.label}
              per={props.range.bucket}
            />
            <h3>Latest confirmed</h3>
            {ind.latestConfirmed.length === 0 ? (
              <p class="muted small">None yet.</p>
            ) : (
              <ul class="latest">
                {ind.latestConfirmed.map((e) => (
                  <li>
                    <a href={`/events/${e.id}`}>
                      <bdi>{e.title}</bdi>
                    </a>{" "}
                    <span class="muted small">
                      <Time iso={e.reviewedAt} now={props.now} /> · <ExternalLink href={e.url}>source</ExternalLink>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
      </div>
    </Layout>
  );
}
