// Feeds: health of every source (last fetch, status, volume, errors, next fetch), and adding, disabling, re-enabling.
import { FEED_KINDS } from "../../ingest/source-kind.ts";
import type { FeedHealth } from "../../store/repositories/analytics.ts";
import { CsrfField, ExternalLink, Time } from "./components.tsx";
import { Layout } from "./layout.tsx";

/** The selector inputs of an html source: form name, label, placeholder. */
const SELECTOR_FIELDS: readonly [string, string, string][] = [
  ["item", "Item", "li.news-item"],
  ["title", "Title", "a"],
  ["link", "Link", "a"],
  ["date", "Date (optional)", "span.date"],
  ["summary", "Summary (optional)", "p"],
];

export function FeedsPage(props: { actor: string; csrf: string | null; items: FeedHealth[]; now: Date; message?: string; error?: string }) {
  const broken = props.items.filter((f) => f.status === "broken" || f.status === "failing").length;
  return (
    <Layout title="Feeds" actor={props.actor} csrf={props.csrf} active="/feeds">
      <div class="page-head">
        <h1>
          Feeds <span class="muted">{props.items.length}</span>
          {broken ? <span class="badge status-dismissed">{broken} need attention</span> : null}
        </h1>
      </div>
      {props.message ? <p class="notice">{props.message}</p> : null}
      {props.error ? <p class="error">{props.error}</p> : null}
      <form method="post" action="/feeds" class="filters add-feed" id="add-feed">
        <CsrfField token={props.csrf} />
        <label>
          Kind
          <select name="kind" id="feed-kind">
            {FEED_KINDS.map((k) => (
              <option value={k}>{k}</option>
            ))}
          </select>
        </label>
        <label class="grow">
          URL (OWNER/REPO for github-releases, an organisation for huggingface)
          <input type="text" name="url" required placeholder="https://example.com/feed.xml" />
        </label>
        <label>
          Title
          <input type="text" name="title" maxlength={300} />
        </label>
        <label>
          Language
          <input type="text" name="lang" size={5} placeholder="en" />
        </label>
        <label>
          Time zone
          <input type="text" name="timezone" size={14} placeholder="Asia/Shanghai" />
        </label>
        <label class="check">
          <input type="checkbox" name="fetchFullText" value="true" /> Fetch full text
        </label>
        <fieldset class="selectors" id="feed-selectors">
          <legend>CSS selectors (html sources): the item container, and inside it</legend>
          {SELECTOR_FIELDS.map(([name, label, placeholder]) => (
            <label>
              {label}
              <input type="text" name={`selector-${name}`} maxlength={200} placeholder={placeholder} />
            </label>
          ))}
        </fieldset>
        <div class="filter-actions">
          <button type="button" id="preview-feed">
            Preview
          </button>
          <button type="submit" class="primary">
            Add feed
          </button>
        </div>
      </form>
      <section id="feed-preview" class="feed-preview" hidden>
        <h2>Preview</h2>
        <p class="small muted" id="feed-preview-status"></p>
        <table class="data">
          <thead>
            <tr>
              <th>Title</th>
              <th>Link</th>
              <th>Published</th>
            </tr>
          </thead>
          <tbody></tbody>
        </table>
      </section>
      <table class="data feeds">
        <thead>
          <tr>
            <th>Feed</th>
            <th>Status</th>
            <th>Last fetch</th>
            <th>Items/day</th>
            <th>Errors</th>
            <th>Next fetch</th>
            <th></th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((f) => (
            <tr class={`feed-${f.status}`}>
              <td class="feed-name">
                <b>
                  <bdi>{f.title || "(untitled)"}</bdi>
                </b>{" "}
                {f.kind !== "rss" ? <span class="badge feed-kind">{f.kind}</span> : null}
                <div class="small">
                  <ExternalLink href={f.url}>{f.url}</ExternalLink>
                </div>
                {f.brokenReason ? <div class="small error-text">broken: {f.brokenReason}</div> : null}
                {!f.enabled && f.disabledReason ? <div class="small muted">disabled: {f.disabledReason}</div> : null}
                {f.failureReason ? <div class="small error-text failure-reason">{f.failureReason}</div> : null}
              </td>
              <td>
                <span class={`badge feed-status-${f.status}`}>{f.status}</span>
                {f.lastHttpStatus ? <div class="small muted">HTTP {f.lastHttpStatus}</div> : null}
              </td>
              <td>
                <Time iso={f.lastFetchAt} now={props.now} />
              </td>
              <td class="num">{f.itemsPerDay}</td>
              <td class="num">
                {f.errorCount}
                {f.consecutiveErrors ? <span class="small muted"> ({f.consecutiveErrors} in a row)</span> : null}
              </td>
              <td>{f.enabled ? <Time iso={f.nextFetchAt} now={props.now} /> : <span class="muted">—</span>}</td>
              <td>
                <form method="post" action={`/feeds/${f.id}/enabled`} class="inline">
                  <CsrfField token={props.csrf} />
                  {f.enabled ? (
                    <>
                      <input type="hidden" name="enabled" value="false" />
                      <input type="text" name="reason" placeholder="reason" size={10} maxlength={500} />
                      <button type="submit" class="no small-btn">
                        Disable
                      </button>
                    </>
                  ) : (
                    <>
                      <input type="hidden" name="enabled" value="true" />
                      <button type="submit" class="ok small-btn">
                        Re-enable
                      </button>
                    </>
                  )}
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Layout>
  );
}
