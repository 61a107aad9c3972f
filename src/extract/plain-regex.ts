// V8 runs our /iu rule regexes 10-40x slower than the same source without the u flag (1-15 us per
// sentence instead of 0.3-0.8). On a string with no surrogate code unit, no U+017F (long s) and no
// U+212A (Kelvin sign), the two agree exactly for our sources (ASCII letters, Han, punctuation):
// - with no surrogates, "." and negated classes see the same characters one unit at a time either way;
// - under /iu an ASCII letter also matches the characters whose case folding is ASCII, and \w and \b
//   include them: only U+017F (folds to s) and U+212A (folds to k); under /i, non-ASCII never
//   canonicalises to ASCII.
// So each regex runs as its non-Unicode twin on such strings (nearly all text), and as written otherwise.
// The sources and the ruleset hash are unchanged.

const NEEDS_UNICODE_MODE = /[\ud800-\udfff\u017f\u212a]/;
/** Syntax that means something else (or nothing) without the u flag. */
const UNICODE_ONLY_SYNTAX = /\\[pPk]\{|\\u\{/;

const twins = new WeakMap<RegExp, RegExp>();

/** The regex to run on `s`: `r` itself, or its twin without the u flag when that gives the same result. */
export function plainTwin(r: RegExp, s: string): RegExp {
  if (!r.unicode || NEEDS_UNICODE_MODE.test(s)) return r;
  let twin = twins.get(r);
  if (twin === undefined) {
    if (UNICODE_ONLY_SYNTAX.test(r.source)) throw new Error(`regex needs the u flag: /${r.source}/`);
    twin = new RegExp(r.source, r.flags.replace("u", ""));
    twins.set(r, twin);
  }
  return twin;
}
