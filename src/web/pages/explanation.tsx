// "How the score is made" on the event page: the learned model's bias and each feature's contribution for the
// event's top article, as `chipwatch explain` prints it.
import { signed } from "../../extract/explain.ts";
import type { EventExplanation } from "../explain-event.ts";
import { ContributionCells } from "./components.tsx";


export function ExplanationCard(props: { explanation: EventExplanation | undefined }) {
  const e = props.explanation;
  if (!e) return null;
  const ind = e.indicator;
  return (
    <section class="card explanation" id="explanation">
      <h2>How the score is made</h2>
      {!ind ? (
        <p class="muted small">None of this indicator's rules fires on article #{e.articleId} with the current ruleset ({e.rulesetVersion}).</p>
      ) : (
        <>
          <p class="small">
            Article #{e.articleId}: score {ind.score.toFixed(3)} ({ind.listed ? "listed" : "below the threshold"} {ind.threshold}) = sigmoid(bias {signed(ind.bias)}{" "}
            + contributions)
          </p>
          <table class="compact">
            <thead>
              <tr>
                <th>Feature</th>
                <th title="fitted weight on the log-odds scale (prior: from the rule's hand weight, not fitted yet)">Weight</th>
                <th>Contribution</th>
              </tr>
            </thead>
            <tbody>
              {ind.contributions.map((c) => (
                <tr>
                  <ContributionCells c={c} evidenceTitle />
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted small">ruleset {e.rulesetVersion}</p>
        </>
      )}
    </section>
  );
}
