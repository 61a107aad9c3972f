// Rules: how many events each extraction rule produced and how often analysts agreed with it.
import { signed } from "../../extract/explain.ts";
import type { RuleStats } from "../../store/repositories/analytics.ts";
import { Layout } from "./layout.tsx";
import { wilson } from "../rule-weights.ts";

type Weights = Map<string, { indicator: string; weight: number; prior: boolean }[]>;

export function RulesPage(props: { actor: string; csrf: string | null; items: RuleStats[]; weights?: Weights }) {
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
            <th title="95% Wilson interval of the precision">95% interval</th>
            <th title="the rule's weight in the live ruleset, per indicator (log-odds; prior: not fitted yet)">Weight</th>
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
              <td class="num small">
                {(() => {
                  const ci = wilson(r.confirmed, r.confirmed + r.dismissed);
                  return ci ? `${Math.round(ci.low * 100)}–${Math.round(ci.high * 100)}%` : "—";
                })()}
              </td>
              <td class="small">
                {(props.weights?.get(r.rule) ?? []).map((w) => (
                  <div>
                    {signed(w.weight)}
                    {w.prior ? " (prior)" : ""} <span class="muted">{w.indicator}</span>
                  </div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {props.items.length === 0 ? <p class="card empty">No events yet, so no rule has fired.</p> : null}
    </Layout>
  );
}
