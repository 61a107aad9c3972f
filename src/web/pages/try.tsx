// "Try an article": paste a title and text (or a URL) and see what the live ruleset makes of it: mentions, claims,
// indicators and why; then report what it missed or got wrong (a labelled example for eval --labels and train).
import type { TryArticleResult } from "../try-article.ts";
import { signed } from "../../extract/explain.ts";
import { ClaimNameCells, ContributionCells, CsrfField, EntityLink, Highlighted, IndicatorTag } from "./components.tsx";
import { ReportMiss } from "./report-miss.tsx";
import { Layout } from "./layout.tsx";


export interface TryForm {
  title: string;
  text: string;
  lang: string;
  url: string;
}

function ArticleForm(props: { csrf: string | null; form: TryForm }) {
  const f = props.form;
  return (
    <form method="post" action="/try" class="card try-form">
      <CsrfField token={props.csrf} />
      <label>
        Title
        <input type="text" name="title" value={f.title} maxlength={2000} />
      </label>
      <label>
        Text
        <textarea name="text" rows={10} maxlength={200000}>
          {f.text}
        </textarea>
      </label>
      <div class="row">
        <label>
          or a URL (fetched through the feed fetcher's guard)
          <input type="url" name="url" value={f.url} maxlength={2000} placeholder="https://…" />
        </label>
        <label>
          Language
          <input type="text" name="lang" value={f.lang} maxlength={12} placeholder="en, zh" size={6} />
        </label>
      </div>
      <button type="submit" class="primary">
        Extract
      </button>
    </form>
  );
}

/** The hidden fields that carry the article with a label, so a pasted article can be labelled without storing it first. */
function ArticleFields(props: { article: TryArticleResult["article"] }) {
  const a = props.article;
  return (
    <>
      <input type="hidden" name="title" value={a.title} />
      <input type="hidden" name="text" value={a.text} />
      <input type="hidden" name="lang" value={a.lang ?? ""} />
      <input type="hidden" name="url" value={a.url ?? ""} />
    </>
  );
}

function Result(props: { csrf: string | null; result: TryArticleResult; canLabel: boolean }) {
  const r = props.result;
  const full = `${r.article.title}\n\n${r.article.text}`;
  return (
    <>
      <section class="card try-result" id="mentions">
        <h2>
          Mentions <span class="muted">{r.entities.length}</span>
        </h2>
        <p class="article-text">
          <Highlighted text={full} spans={r.entities.map((e) => ({ start: e.start, end: e.end, type: e.type, name: e.name }))} />
        </p>
        <ul class="mention-list">
          {r.entities.map((e) => (
            <li>
              <span class={`m m-${e.type}`}>{e.type}</span> <EntityLink type={e.type} name={e.name} class="entity-name" />{" "}
              <span class="muted">(“<bdi>{e.surface}</bdi>”)</span>
            </li>
          ))}
        </ul>
      </section>
      <section class="card" id="claims">
        <h2>Claims</h2>
        {r.allClaims.length === 0 ? (
          <p class="muted">No claim.</p>
        ) : (
          <table class="compact">
            <thead>
              <tr>
                <th>Subject</th>
                <th>Chip</th>
                <th>Stage</th>
                <th>Modality</th>
              </tr>
            </thead>
            <tbody>
              {r.allClaims.map((c) => (
                <tr>
                  <ClaimNameCells claim={c} />
                  <td>{c.stage}</td>
                  <td>{c.negated ? "denied" : c.modality}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section class="card" id="indicators">
        <h2>Indicators and why</h2>
        {r.explanation.indicators.length === 0 ? <p class="muted">No indicator rule fired.</p> : null}
        {r.explanation.indicators.map((ind) => (
          <div class={`try-indicator ${ind.listed ? "listed" : "unlisted"}`} data-indicator={ind.id}>
            <h3>
              <IndicatorTag id={ind.id} /> score {ind.score.toFixed(3)} {ind.listed ? "listed" : `below the threshold ${ind.threshold}`}
            </h3>
            <table class="compact">
              <thead>
                <tr>
                  <th>Feature</th>
                  <th>Weight</th>
                  <th>Contribution</th>
                  <th>Evidence</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td>bias</td>
                  <td></td>
                  <td>{signed(ind.bias)}</td>
                  <td></td>
                </tr>
                {ind.contributions.map((c) => (
                  <tr>
                    <ContributionCells c={c} />
                    <td class="small">{c.kind === "rule" ? c.evidence.map((e) => <q>{e.text}</q>) : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
        <p class="muted small">ruleset {r.rulesetVersion}</p>
      </section>
      {props.canLabel ? (
        <ReportMiss csrf={props.csrf} action="/labels">
          <ArticleFields article={r.article} />
        </ReportMiss>
      ) : null}
    </>
  );
}

export function TryPage(props: {
  actor: string;
  csrf: string | null;
  form: TryForm;
  result?: TryArticleResult;
  error?: string;
  message?: string;
  canLabel: boolean;
}) {
  return (
    <Layout title="Try an article" actor={props.actor} csrf={props.csrf} active="/try">
      <div class="page-head">
        <h1>Try an article</h1>
        <p class="muted">What the live ruleset (catalog files plus the team's catalog edits) finds in any text.</p>
      </div>
      {props.error ? <p class="error">{props.error}</p> : null}
      {props.message ? <p class="notice">{props.message}</p> : null}
      <ArticleForm csrf={props.csrf} form={props.form} />
      {props.result ? <Result csrf={props.csrf} result={props.result} canLabel={props.canLabel} /> : null}
    </Layout>
  );
}
