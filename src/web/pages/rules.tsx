// Rules: how many events each extraction rule produced and how often analysts agreed with it.
import type { RuleStats } from "../../store/repositories/analytics.ts";
import { Layout } from "./layout.tsx";

export function RulesPage(props: { actor: string; csrf: string | null; items: RuleStats[] }) {
  return (
    <Layout title="Rules" actor={props.actor} csrf={props.csrf} active="/rules">
      <div class="page-head">
        <h1>
          Rules <span class="muted">{props.items.length}</span>
        </h1>
        <p class="muted">Precision = confirmed / (confirmed + dismissed). Rules with low precision and many reviews are candidates for tuning.</p>
      </div>
      <table class="data">
        <thead>
          <tr>
            <th>Rule</th>
            <th>Events</th>
            <th>Confirmed</th>
            <th>Dismissed</th>
            <th>Precision</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((r) => (
            <tr>
              <td>
                <code>{r.rule}</code>
              </td>
              <td class="num">{r.events}</td>
              <td class="num">{r.confirmed}</td>
              <td class="num">{r.dismissed}</td>
              <td>
                {r.precision === null ? (
                  <span class="muted">not reviewed</span>
                ) : (
                  <span class="score">
                    <meter min={0} max={1} low={0.5} high={0.8} optimum={1} value={r.precision} />
                    <span class="num">{Math.round(r.precision * 100)}%</span>
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.items.length === 0 ? <p class="card empty">No events yet, so no rule has fired.</p> : null}
    </Layout>
  );
}
