// Small pieces shared by the pages. Everything that came from a feed is rendered as text (JSX escapes it), and a
// link from a feed becomes an <a> only when it is http(s).
import type { Child } from "hono/jsx";
import { highlightSegments, type HighlightSpan } from "../highlight.ts";
import { indicatorLabel } from "../../report/indicator-labels.ts";
import { signed, type ExplainedContribution } from "../../extract/explain.ts";

function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
}

export function ExternalLink(props: { href: string | null | undefined; children?: Child; class?: string }) {
  const href = safeHref(props.href);
  if (!href) {
    return (
      <span class={`unsafe-link ${props.class ?? ""}`} title="not an http(s) link: shown as text">
        {props.children ?? props.href ?? ""}
      </span>
    );
  }
  return (
    <a href={href} class={props.class} target="_blank" rel="noopener noreferrer">
      {props.children ?? href}
    </a>
  );
}

export function Highlighted(props: { text: string; spans: readonly HighlightSpan[] }) {
  return (
    <>
      {highlightSegments(props.text, props.spans).map((s) =>
        s.span ? (
          <mark class={`m m-${s.span.type}`} title={`${s.span.type}: ${s.span.name}`}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </>
  );
}

const UNITS: [number, string][] = [
  [86_400_000 * 365, "y"],
  [86_400_000 * 30, "mo"],
  [86_400_000, "d"],
  [3_600_000, "h"],
  [60_000, "m"],
];

function ago(iso: string | null, now: Date): string {
  if (!iso) return "—";
  const ms = now.getTime() - Date.parse(iso);
  const future = ms < 0;
  const abs = Math.abs(ms);
  for (const [size, unit] of UNITS) {
    if (abs >= size) return future ? `in ${Math.floor(abs / size)}${unit}` : `${Math.floor(abs / size)}${unit} ago`;
  }
  return future ? "in <1m" : "just now";
}

export function Time(props: { iso: string | null; now: Date }) {
  if (!props.iso) return <span class="muted">—</span>;
  return (
    <time datetime={props.iso} title={props.iso.replace("T", " ").slice(0, 16) + " UTC"}>
      {ago(props.iso, props.now)}
    </time>
  );
}

export function StatusBadge(props: { status: string }) {
  return <span class={`badge status-${props.status}`}>{props.status}</span>;
}

export function IndicatorTag(props: { id: string }) {
  return (
    <span class={`ind ind-${props.id}`} title={props.id}>
      {indicatorLabel(props.id)}
    </span>
  );
}

export function Score(props: { value: number }) {
  const pct = Math.round(Math.max(0, Math.min(1, props.value)) * 100);
  return (
    <span class="score" title={`score ${props.value.toFixed(3)}`}>
      <meter min={0} max={1} low={0.5} high={0.75} optimum={1} value={props.value} />
      <span class="num">{(pct / 100).toFixed(2)}</span>
    </span>
  );
}

export function CsrfField(props: { token: string | null }) {
  return <input type="hidden" name="_csrf" value={props.token ?? ""} />;
}

/** A query string from the non-empty entries of `params`. */
export function queryString(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** Submit and reset buttons at the end of a filter form. */
export function FilterActions(props: { submit: string; reset: string }) {
  return (
    <div class="filter-actions">
      <button type="submit">{props.submit}</button>
      <a href={props.reset} class="button-link">
        Reset
      </a>
    </div>
  );
}

/** The entity page of an org, model or chip; the name is a path segment, so it is percent-encoded. */
export function entityHref(type: string, name: string): string {
  return `/entities/${encodeURIComponent(type)}/${encodeURIComponent(name)}`;
}

/**
 * An entity's name linking to its page: a coloured chip by default, or styled by `class` (a claim's subject or
 * chip). Names come from feeds and the catalog overlay: text only, isolated with <bdi>.
 */
export function EntityLink(props: { type: string; name: string; class?: string; children?: Child }) {
  return (
    <a class={props.class ?? `chip-tag t-${props.type}`} href={entityHref(props.type, props.name)} data-entity={props.type}>
      <bdi>{props.children ?? props.name}</bdi>
    </a>
  );
}

/** An event's or a story's org, model and chip names, each linking to its entity page. */
export function EntityChips(props: { entities: { org: string[]; model: string[]; chip: string[] } }) {
  const { org, model, chip } = props.entities;
  return (
    <div class="entities">
      {org.map((n) => (
        <EntityLink type="org" name={n} />
      ))}
      {model.map((n) => (
        <EntityLink type="model" name={n} />
      ))}
      {chip.map((n) => (
        <EntityLink type="chip" name={n} />
      ))}
    </div>
  );
}

/** A claim's subject and chip as two table cells, each linking to its entity page. */
export function ClaimNameCells(props: { claim: { subject: string; subjectType: string; chip: string } }) {
  const cl = props.claim;
  return (
    <>
      <td>
        <EntityLink type={cl.subjectType} name={cl.subject} class="subj" />
      </td>
      <td>
        <EntityLink type="chip" name={cl.chip} class="chipname" />
      </td>
    </>
  );
}

/** A claim on one line: subject → chip, stage, modality ("denied" when negated), both names linking to their pages. */
export function ClaimLine(props: { claim: { subject: string; subjectType: string; chip: string; stage: string; modality: string; negated: boolean }; children?: Child }) {
  const cl = props.claim;
  return (
    <div class={`claim ${cl.negated ? "negated" : ""}`}>
      <EntityLink type={cl.subjectType} name={cl.subject} class="subj" /> <span class="arrow">→</span>{" "}
      <EntityLink type="chip" name={cl.chip} class="chipname" /> <span class="stage">{cl.stage}</span>{" "}
      <span class="modality">{cl.negated ? "denied" : cl.modality}</span>
      {props.children}
    </div>
  );
}

/** One feature's cells in an indicator's score table: the feature (its evidence on hover), weight, contribution. */
export function ContributionCells(props: { c: ExplainedContribution; evidenceTitle?: boolean }) {
  const c = props.c;
  return (
    <>
      <td>
        <code title={props.evidenceTitle ? c.evidence.map((s) => s.text).join("\n") : undefined}>{c.id}</code>
      </td>
      <td>
        {signed(c.weight)}
        {c.prior ? " (prior)" : ""}
      </td>
      <td>{signed(c.contribution)}</td>
    </>
  );
}
