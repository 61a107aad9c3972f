// A small bar chart (inline SVG, built on the server): per period (week or month), two counts side by side: events
// flagged for review vs. confirmed by default, or whatever `names` says (an entity's events vs. confirmed ones).
import type { WeekPoint } from "../indicator-overview.ts";

const W = 360;
const H = 120;
const PAD_L = 26;
const PAD_B = 18;
const PAD_T = 8;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** A period's axis label: "W48" for an ISO week, "Nov '25" for a month, since a bare "11" is ambiguous across
 * the year boundary a 13-month range always crosses. */
export function periodTick(period: string): string {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${MONTHS[Number(month[2]) - 1] ?? month[2]} '${month[1]!.slice(2)}`;
  return period.slice(5);
}

export function WeeklyChart(props: { weekly: WeekPoint[]; label: string; per?: string; names?: [string, string] }) {
  const [first, second] = props.names ?? ["flagged", "confirmed"];
  const max = Math.max(1, ...props.weekly.map((w) => w.flagged));
  const step = (W - PAD_L - 4) / Math.max(1, props.weekly.length);
  const barW = Math.max(2, step * 0.38);
  const y = (v: number) => H - PAD_B - ((H - PAD_B - PAD_T) * v) / max;
  return (
    <svg class="chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${props.label}: ${first} and ${second} events per ${props.per ?? "week"}`}>
      <line x1={PAD_L} y1={H - PAD_B} x2={W - 2} y2={H - PAD_B} class="axis" />
      <text x={PAD_L - 4} y={PAD_T + 4} class="tick" text-anchor="end">
        {max}
      </text>
      <text x={PAD_L - 4} y={H - PAD_B} class="tick" text-anchor="end">
        0
      </text>
      {props.weekly.map((w, i) => {
        const x = PAD_L + i * step + step * 0.1;
        return (
          <g>
            <title>{`${w.week}: ${w.flagged} ${first}, ${w.confirmed} ${second}`}</title>
            <rect class="bar-flagged" x={x} y={y(w.flagged)} width={barW} height={H - PAD_B - y(w.flagged)} />
            <rect class="bar-confirmed" x={x + barW} y={y(w.confirmed)} width={barW} height={H - PAD_B - y(w.confirmed)} />
            {i % 3 === 0 || i === props.weekly.length - 1 ? (
              <text x={x + barW} y={H - 4} class="tick" text-anchor="middle">
                {periodTick(w.week)}
              </text>
            ) : null}
          </g>
        );
      })}
    </svg>
  );
}
