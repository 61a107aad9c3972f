// The catalog overlay page: add an alias or an entry (a pending edit), see what reprocessing would change, apply.
import type { ReprocessDiff } from "../../jobs/types.ts";
import type { CatalogEditRow } from "../../store/repositories/catalog-edits.ts";
import { CsrfField, IndicatorTag } from "./components.tsx";
import { Layout } from "./layout.tsx";

const TYPES = ["chip", "model", "org"] as const;

function TypeSelect() {
  return (
    <select name="type" aria-label="type">
      {TYPES.map((t) => (
        <option value={t}>{t}</option>
      ))}
    </select>
  );
}

function describe(e: CatalogEditRow): string {
  const p = e.payload;
  if (e.kind === "alias") return `alias "${String(p.alias)}" for ${e.type} ${e.name}`;
  const extra = Object.entries(p)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(", ") : String(v)}`)
    .join("; ");
  return `new ${e.type} ${e.name}${extra ? ` (${extra})` : ""}`;
}

export function CatalogPage(props: {
  actor: string;
  csrf: string | null;
  edits: CatalogEditRow[];
  discovered: { type: string; name: string; count: number }[];
  canEdit: boolean;
  error?: string;
}) {
  return (
    <Layout title="Catalog" actor={props.actor} csrf={props.csrf} active="/catalog">
      <div class="page-head">
        <h1>Catalog</h1>
        <p class="muted">
          Names added here are an overlay on data/catalog, stored with who, when and why. An edit is previewed first (what reprocessing would
          change), then applied: the live ruleset changes at once, and stored articles are reprocessed. <code>chipwatch catalog export-overlay</code>{" "}
          writes the applied edits as a patch to data/catalog.
        </p>
      </div>
      {props.error ? <p class="error">{props.error}</p> : null}
      {props.canEdit ? (
        <div class="grid2">
          <form method="post" action="/catalog/aliases" class="card" id="add-alias">
            <h2>Add an alias</h2>
            <CsrfField token={props.csrf} />
            <TypeSelect />
            <input type="text" name="name" placeholder="canonical name (Huawei Ascend 950PR)" required maxlength={200} />
            <input type="text" name="alias" placeholder="alias (English, 简体 or 繁體)" required maxlength={200} />
            <input type="text" name="reason" placeholder="why (optional)" maxlength={1000} />
            <button type="submit" class="primary">
              Preview
            </button>
          </form>
          <form method="post" action="/catalog/entries" class="card" id="add-entry">
            <h2>Add an entry</h2>
            <CsrfField token={props.csrf} />
            <TypeSelect />
            <input type="text" name="name" placeholder="canonical name" required maxlength={200} />
            <input type="text" name="aliases" placeholder="aliases, comma-separated" maxlength={2000} />
            <input type="text" name="org" placeholder="model: maker org" maxlength={200} />
            <input type="text" name="vendor" placeholder="chip: vendor org" maxlength={200} />
            <input type="text" name="family" placeholder="family" maxlength={200} />
            <label>
              <input type="checkbox" name="domestic" value="true" /> domestic chip
            </label>
            <input type="text" name="reason" placeholder="why (optional)" maxlength={1000} />
            <button type="submit" class="primary">
              Preview
            </button>
          </form>
        </div>
      ) : null}
      <section class="card">
        <h2>Edits</h2>
        {props.edits.length === 0 ? <p class="muted">No edits yet.</p> : null}
        <ol class="edits">
          {props.edits.map((e) => (
            <li data-edit={String(e.id)}>
              <a href={`/catalog/edits/${e.id}`}>
                <bdi>{describe(e)}</bdi>
              </a>{" "}
              <span class={`badge ${e.appliedAt ? "status-confirmed" : "status-flagged"}`}>{e.appliedAt ? "applied" : "pending"}</span>{" "}
              <span class="muted small">
                by {e.actor} {e.createdAt.toISOString().slice(0, 16).replace("T", " ")}
                {e.reason ? ` — ${e.reason}` : ""}
                {e.rulesetVersion ? ` → ${e.rulesetVersion}` : ""}
              </span>
            </li>
          ))}
        </ol>
      </section>
      {props.canEdit && props.discovered.length > 0 ? (
        <section class="card">
          <h2>Discovered names</h2>
          <p class="muted small">Found by name shape or version pattern, not in the catalog: add one with one click.</p>
          <ul>
            {props.discovered.slice(0, 50).map((d) => (
              <li>
                <form method="post" action="/catalog/entries" class="inline">
                  <CsrfField token={props.csrf} />
                  <input type="hidden" name="type" value={d.type} />
                  <input type="hidden" name="name" value={d.name} />
                  <bdi>{d.name}</bdi> <span class="muted small">({d.type}, {d.count} articles)</span> <button type="submit">Add</button>
                </form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </Layout>
  );
}

function Diff(props: { diff: ReprocessDiff }) {
  const entries = Object.entries(props.diff.indicators).sort();
  return (
    <>
      <p>
        {props.diff.articles} articles re-extracted, <b>{props.diff.changed}</b> changed.
      </p>
      {entries.length === 0 ? <p class="muted">No indicator changes.</p> : null}
      <table class="compact diff">
        <tbody>
          {entries.map(([indicator, d]) => (
            <tr data-indicator={indicator}>
              <td>
                <IndicatorTag id={indicator} />
              </td>
              <td class="num">+{d.added}</td>
              <td class="num">−{d.removed}</td>
              <td class="small">
                {d.examples.map((ex) => (
                  <div>
                    {ex.change === "added" ? "+" : "−"} #{ex.articleId} <bdi>{ex.title}</bdi>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export function CatalogEditPage(props: {
  actor: string;
  csrf: string | null;
  edit: CatalogEditRow;
  rulesetVersion?: string;
  diff?: ReprocessDiff;
  applied?: boolean;
  canEdit: boolean;
  error?: string;
}) {
  const e = props.edit;
  return (
    <Layout title={`Catalog edit ${e.id}`} actor={props.actor} csrf={props.csrf} active="/catalog">
      <div class="page-head">
        <h1>
          <bdi>{describe(e)}</bdi>
        </h1>
        <p class="muted">
          by {e.actor}
          {e.reason ? ` — ${e.reason}` : ""}; {e.appliedAt ? `applied by ${e.appliedBy ?? "?"}, ruleset ${e.rulesetVersion ?? "?"}` : "pending"}
        </p>
      </div>
      {props.error ? <p class="error">{props.error}</p> : null}
      {props.diff ? (
        <section class="card" id={props.applied ? "applied" : "preview"}>
          <h2>{props.applied ? `Applied: ruleset ${props.rulesetVersion}` : `Preview: what reprocessing with ruleset ${props.rulesetVersion} would change`}</h2>
          <Diff diff={props.diff} />
          {!props.applied && props.canEdit && !e.appliedAt ? (
            <form method="post" action={`/catalog/edits/${e.id}/apply`}>
              <CsrfField token={props.csrf} />
              <button type="submit" class="primary" id="apply-edit">
                Apply and reprocess
              </button>
            </form>
          ) : null}
        </section>
      ) : null}
      <p>
        <a href="/catalog">Back to the catalog</a>
      </p>
    </Layout>
  );
}
