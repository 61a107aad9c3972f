// "Report a miss": the forms that store a labelled example about an article (the try page's pasted article or an
// event's top article, carried by the hidden fields passed as children).
import type { Child } from "hono/jsx";
import { INDICATOR_IDS, STAGES } from "../../extract/types.ts";
import { CsrfField } from "./components.tsx";

export function ReportMiss(props: { csrf: string | null; action: string; children?: Child }) {
  return (
    <section class="card report-miss" id="report-miss">
      <h2>Report a miss</h2>
      <form method="post" action={props.action} class="inline">
        <CsrfField token={props.csrf} />
        {props.children}
        <select name="kind" aria-label="what is wrong">
          <option value="missing">should have been flagged as</option>
          <option value="wrong">should not be</option>
        </select>
        <select name="indicator" aria-label="indicator">
          {INDICATOR_IDS.map((id) => (
            <option value={id}>{id}</option>
          ))}
        </select>
        <input type="text" name="note" placeholder="why (optional)" maxlength={4000} />
        <button type="submit">Save label</button>
      </form>
      <form method="post" action={props.action} class="inline">
        <CsrfField token={props.csrf} />
        {props.children}
        <input type="hidden" name="kind" value="claim_missing" />
        <span>claim missing:</span>
        <input type="text" name="subject" placeholder="subject (model or org)" required maxlength={200} />
        <input type="text" name="chip" placeholder="chip" required maxlength={200} />
        <select name="stage" aria-label="stage">
          {STAGES.map((s) => (
            <option value={s}>{s}</option>
          ))}
        </select>
        <button type="submit">Save label</button>
      </form>
    </section>
  );
}

