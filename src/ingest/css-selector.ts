// Checks a user-supplied CSS selector before cheerio ever runs it. Selectors come from anyone who may add a feed,
// so they are treated as hostile: bounded length, parsed with css-what (the parser cheerio-select uses), and only
// constructs whose matching cost is linear in the page are allowed. `:has()` (matches every descendant of every
// candidate: quadratic on a 10,000-item page), jQuery positionals (`:eq`, `:gt`), pseudo-elements and nesting beyond
// two levels of `:not()/:is()` are refused, and so is `:contains()` (reads the text of every
// ancestor of every candidate).
import { parse, type Selector } from "css-what";

export const MAX_SELECTOR_CHARS = 200;
/** Compound parts (`a.b > c d` has three) and comma alternatives per selector. */
const MAX_PARTS = 16;
const MAX_ALTERNATIVES = 4;
const MAX_PSEUDO_DEPTH = 2;

/** Pseudo-classes whose matching looks at the element and its siblings or text only. */
const SAFE_PSEUDOS = new Set([
  "not",
  "is",
  "where",
  "matches",
  "first-child",
  "last-child",
  "only-child",
  "first-of-type",
  "last-of-type",
  "only-of-type",
  "nth-child",
  "nth-last-child",
  "nth-of-type",
  "nth-last-of-type",
  "empty",
  "link",
  "header",
  "checked",
]);

/** The reason `selector` is refused, or null when it may be run. */
export function selectorProblem(selector: string): string | null {
  if (selector.trim() === "") return "must not be empty";
  if (selector.length > MAX_SELECTOR_CHARS) return `must be at most ${MAX_SELECTOR_CHARS} characters`;
  let parsed: Selector[][];
  try {
    parsed = parse(selector);
  } catch (err) {
    return `is not a CSS selector (${err instanceof Error ? err.message : String(err)})`;
  }
  return checkAlternatives(parsed, 0);
}

function checkAlternatives(alternatives: Selector[][], depth: number): string | null {
  if (alternatives.length > MAX_ALTERNATIVES) return `has more than ${MAX_ALTERNATIVES} comma-separated alternatives`;
  for (const parts of alternatives) {
    if (parts.length > MAX_PARTS) return `has more than ${MAX_PARTS} parts`;
    for (const part of parts) {
      if (part.type === "pseudo-element") return `uses the pseudo-element ::${part.name}`;
      if (part.type === "attribute" && part.value.length > MAX_SELECTOR_CHARS) return "has an attribute value that is too long";
      if (part.type !== "pseudo") continue;
      if (!SAFE_PSEUDOS.has(part.name)) return `uses :${part.name}, which is not allowed (cost or meaning unbounded)`;
      if (Array.isArray(part.data)) {
        if (depth + 1 > MAX_PSEUDO_DEPTH) return `nests :${part.name}() too deeply`;
        const inner = checkAlternatives(part.data, depth + 1);
        if (inner) return inner;
      }
    }
  }
  return null;
}
