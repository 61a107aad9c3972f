// Claims: which model or lab uses which chip for which stage, with how well it is supported and reviewed.
import { STAGES } from "../../extract/types.ts";
import type { ClaimRow } from "../../store/repositories/analytics.ts";
import { EntityLink, FilterActions, StatusBadge, queryString } from "./components.tsx";
import { Layout } from "./layout.tsx";

export function ClaimsPage(props: { actor: string; csrf: string | null; raw: Record<string, string>; items: ClaimRow[]; error?: string }) {
  const r = props.raw;
  const qs = queryString(r);
  return (
    <Layout title="Claims" actor={props.actor} csrf={props.csrf} active="/claims">
      <div class="page-head">
        <h1>
          Claims <span class="muted">{props.items.length}</span>
        </h1>
        <p class="exports">
          Export: <a href={`/api/export/claims.csv${qs}`}>CSV</a> · <a href={`/api/export/claims.json${qs}`}>JSON</a>
        </p>
      </div>
      <form method="get" action="/claims" class="filters" id="claim-filters">
        <label>
          Org or subject
          <input type="text" name="org" value={r.org ?? ""} placeholder="e.g. Zhipu AI" />
        </label>
        <label>
          Chip
          <input type="text" name="chip" value={r.chip ?? ""} placeholder="e.g. Huawei Ascend" />
        </label>
        <label>
          Chip origin
          <select name="domestic">
            <option value="">Any</option>
            <option value="true" selected={r.domestic === "true"}>
              Domestic
            </option>
            <option value="false" selected={r.domestic === "false"}>
              Foreign
            </option>
          </select>
        </label>
        <label>
          Stage
          <select name="stage">
            <option value="">Any</option>
            {STAGES.map((s) => (
              <option value={s} selected={r.stage === s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <FilterActions submit="Filter" reset="/claims" />
      </form>
      {props.error ? <p class="error">{props.error}</p> : null}
      <table class="data" id="claims-table">
        <thead>
          <tr>
            <th>Model / org</th>
            <th>Chip</th>
            <th>Stage</th>
            <th>Modality</th>
            <th>First seen</th>
            <th>Sources</th>
            <th>Review</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((c) => (
            <tr class={c.negated ? "negated" : ""}>
              <td>
                <b>
                  <EntityLink type={c.subjectType} name={c.subject} class="subj" />
                </b>{" "}
                <span class="muted small">{c.subjectType}</span>
              </td>
              <td>
                <EntityLink type="chip" name={c.chip} class="chipname" /> {c.chipDomestic ? <span class="badge domestic">domestic</span> : <span class="badge foreign">foreign</span>}
              </td>
              <td>{c.stage}</td>
              <td>
                <span class={`modality m-${c.modality}`}>{c.modality}</span>
              </td>
              <td>{c.firstSeen.slice(0, 10)}</td>
              <td class="num">{c.sources}</td>
              <td>
                <StatusBadge status={c.reviewState} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.items.length === 0 ? <p class="card empty">No claims match.</p> : null}
    </Layout>
  );
}
