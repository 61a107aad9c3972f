// One event with its evidence: highlighted sentences per source, claims, rules and scores, review history, actions.
import type { EventDetail, EvidencePassage } from "../../store/repositories/events.ts";
import type { Review } from "../../store/repositories/reviews.ts";
import { ClaimLine, CsrfField, EntityChips, ExternalLink, Highlighted, IndicatorTag, Score, StatusBadge, Time } from "./components.tsx";
import type { RuleBreakdown } from "../rule-breakdown.ts";
import { Layout } from "./layout.tsx";
import { ExplanationCard } from "./explanation.tsx";
import { ReportMiss } from "./report-miss.tsx";
import type { EventExplanation } from "../explain-event.ts";

export interface EventPageProps {
  actor: string;
  csrf: string | null;
  detail: EventDetail;
  history: Review[];
  rules: RuleBreakdown[];
  now: Date;
  explanation?: EventExplanation;
  /** The signed-in user may store labels (report a miss). */
  canLabel?: boolean;
}

function Passage(props: { p: EvidencePassage }) {
  return (
    <blockquote class="evidence">
      <Highlighted text={props.p.text} spans={props.p.mentions} />
    </blockquote>
  );
}

function Actions(props: { id: number; csrf: string | null; status: string }) {
  return (
    <form method="post" action={`/events/${props.id}/review`} class="card actions" id="event-actions">
      <CsrfField token={props.csrf} />
      <label>
        Note
        <textarea name="note" id="note" rows={2} maxlength={4000} placeholder="Why? (optional for confirm and dismiss)"></textarea>
      </label>
      <div class="buttons">
        <button type="submit" name="action" value="confirm" class="ok" title="c">
          Confirm
        </button>
        <button type="submit" name="action" value="dismiss" class="no" title="d">
          Dismiss
        </button>
        <button type="submit" name="action" value="note">
          Add note
        </button>
        {props.status === "confirmed" || props.status === "dismissed" ? (
          <button type="submit" name="action" value="reopen">
            Reopen
          </button>
        ) : null}
      </div>
      <p id="status-line" class="muted small" role="status" aria-live="polite"></p>
      <p class="muted small keys">
        <kbd>c</kbd> confirm · <kbd>d</kbd> dismiss · <kbd>n</kbd> note · <kbd>o</kbd> open source
      </p>
    </form>
  );
}

export function EventPage(props: EventPageProps) {
  const { event: e, sources } = props.detail;
  const firstSourceUrl = sources[0]?.url ?? "";
  return (
    <Layout title={e.title} actor={props.actor} csrf={props.csrf} active="/">
      <article class="event-page" data-id={String(e.id)} data-url={firstSourceUrl}>
        <p class="crumbs">
          <a href="/">← Queue</a>
        </p>
        <div class="line1">
          <IndicatorTag id={e.indicator} />
          <StatusBadge status={e.status} />
          {e.novel ? <span class="badge novel">new claim</span> : null}
        </div>
        <h1 class="event-title">
          <bdi>{e.title}</bdi>
        </h1>
        <EntityChips entities={e.entities} />
        <dl class="facts">
          <div>
            <dt>Score</dt>
            <dd>
              <Score value={e.score} />
            </dd>
          </div>
          <div>
            <dt>Priority</dt>
            <dd title="score + 0.15·novel + 0.1·min(sources−1, 3)">{e.priority.toFixed(2)}</dd>
          </div>
          <div>
            <dt>Sources</dt>
            <dd>{e.sourceCount} independent</dd>
          </div>
          <div>
            <dt>First seen</dt>
            <dd>
              <Time iso={e.firstSeenAt} now={props.now} />
            </dd>
          </div>
          <div>
            <dt>Reviewed</dt>
            <dd>
              <Time iso={e.reviewedAt} now={props.now} />
            </dd>
          </div>
        </dl>

        <div class="two-col">
          <div class="col-main">
            <h2>Evidence</h2>
            {sources.map((s) => (
              <section class="card source">
                <header>
                  <ExternalLink href={s.url} class="source-title">
                    <bdi>{s.title}</bdi>
                  </ExternalLink>
                  <div class="muted small">
                    {s.feed.title || s.feed.url} · {s.lang ?? "?"} · published <Time iso={s.publishedAt} now={props.now} /> · score{" "}
                    {s.score.toFixed(2)}
                  </div>
                </header>
                {s.evidence.length ? s.evidence.map((p) => <Passage p={p} />) : <p class="muted">No evidence sentences stored.</p>}
                {s.claims.length ? (
                  <div class="claims">
                    {s.claims.map((cl) => (
                      <ClaimLine claim={cl}>{cl.chipDomestic ? <span class="badge domestic">domestic</span> : null}</ClaimLine>
                    ))}
                  </div>
                ) : null}
                <div class="rules-line small">
                  {s.rules.map((r) => (
                    <code>{r}</code>
                  ))}
                </div>
              </section>
            ))}
          </div>
          <aside class="col-side">
            <Actions id={e.id} csrf={props.csrf} status={e.status} />
            <section class="card">
              <h2>Why flagged</h2>
              <table class="compact">
                <thead>
                  <tr>
                    <th>Rule</th>
                    <th>Score</th>
                    <th title="confirmed / (confirmed + dismissed) over all events">Precision</th>
                  </tr>
                </thead>
                <tbody>
                  {props.rules.map((r) => (
                    <tr>
                      <td>
                        <code>{r.rule}</code>
                      </td>
                      <td>{r.score !== null ? r.score.toFixed(2) : "—"}</td>
                      <td>{r.precision !== null ? `${Math.round(r.precision * 100)}% of ${r.reviewed}` : "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <ExplanationCard explanation={props.explanation} />
            {props.canLabel && sources[0] ? (
              <ReportMiss csrf={props.csrf} action="/labels">
                <input type="hidden" name="articleId" value={String(sources[0].articleId)} />
                <input type="hidden" name="back" value={`/events/${e.id}`} />
              </ReportMiss>
            ) : null}
            <section class="card">
              <h2>History</h2>
              {props.history.length === 0 ? (
                <p class="muted">Not reviewed yet.</p>
              ) : (
                <ol class="history">
                  {props.history.map((h) => (
                    <li>
                      <span class={`badge act-${h.action}`}>{h.action}</span> <b>{h.actor}</b>{" "}
                      <Time iso={h.createdAt.toISOString()} now={props.now} />
                      {h.note ? <p class="note">{h.note}</p> : null}
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </aside>
        </div>
      </article>
    </Layout>
  );
}
