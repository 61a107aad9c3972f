// Duplicate detection across sources: an exact content hash, and a 64-bit SimHash for near-duplicates
// (syndicated copies with a changed byline, dateline or boilerplate). Works for Chinese: Han text has no
// spaces, so each Han character is a token and shingles are character n-grams; Latin text uses word n-grams.
import { createHash } from "node:crypto";

/**
 * Two SimHashes at most this many bits apart are the same story. Manku et al. use 3 of 64 for whole web pages;
 * news copies are short and get a dateline, a credit line and small edits (about 85-90% shared shingles, which
 * SimHash maps to 7-11 bits). Measured on the fixtures in tests/ingest/dedup.test.ts: syndicated copies 4-10 bits,
 * different stories on the same topic about 33, unrelated texts 32 +/- 4 (binomial), so 12 leaves ~5 standard
 * deviations of margin against chance collisions.
 */
export const NEAR_DUPLICATE_DISTANCE = 12;

const SHINGLE = 3;

const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}]+/gu;

function tokens(text: string): string[] {
  return text.normalize("NFKC").toLowerCase().match(TOKEN) ?? [];
}

function sha256Of(titleTokens: string[], textTokens: string[]): string {
  return createHash("sha256").update(`${titleTokens.join(" ")}\n${textTokens.join(" ")}`).digest("hex");
}

/** sha256 (hex) of the normalised title and text: equal for copies that differ only in spacing, case, punctuation. */
export function contentHash(title: string, text: string): string {
  return sha256Of(tokens(title), tokens(text));
}

/** 64-bit SimHash (unsigned) over token 3-grams; texts shorter than a shingle use the tokens themselves. */
export function simhash64(text: string): bigint {
  return simhashOfTokens(tokens(text));
}

/**
 * Both fingerprints of an article, tokenising once: the content hash of (title, text) and the SimHash of the title
 * and text together (the same value as simhash64(`${title}\n\n${text}`)).
 */
export function fingerprint(title: string, text: string): { contentHash: string; simhash: bigint } {
  const titleTokens = tokens(title);
  const textTokens = tokens(text);
  return { contentHash: sha256Of(titleTokens, textTokens), simhash: simhashOfTokens(titleTokens.concat(textTokens)) };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
/** Seed of the high 32 bits: two seeded 32-bit FNV-1a hashes give the 64 bits without BigInt arithmetic. */
const HIGH_SEED = 0x9e3779b9;
const SPACE = 0x20;

/** murmur3 fmix32: the final avalanche, so that similar shingles do not share bits. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

// Per-nibble histograms of the shingle hashes (16 nibbles x 16 values): 16 increments per shingle instead of 64
// per-bit votes; the bit counts are summed from them once per text. Reused, since hashing is synchronous.
const nibbleCounts = new Int32Array(256);

/**
 * The SimHash of a token list. Each shingle is the tokens joined by single spaces, hashed with FNV-1a (both halves
 * in one pass, without building the joined string); a bit is set when most shingle hashes have it set.
 */
function simhashOfTokens(toks: string[]): bigint {
  const width = toks.length < SHINGLE ? 1 : SHINGLE;
  const shingles = toks.length < SHINGLE ? toks.length : toks.length - SHINGLE + 1;
  if (shingles === 0) return 0n;
  nibbleCounts.fill(0);
  for (let i = 0; i < shingles; i++) {
    let lo = FNV_OFFSET;
    let hi = FNV_OFFSET ^ HIGH_SEED;
    for (let k = 0; k < width; k++) {
      if (k > 0) {
        lo = Math.imul(lo ^ SPACE, FNV_PRIME);
        hi = Math.imul(hi ^ SPACE, FNV_PRIME);
      }
      const token = toks[i + k]!;
      for (let j = 0; j < token.length; j++) {
        const c = token.charCodeAt(j);
        lo = Math.imul(lo ^ c, FNV_PRIME);
        hi = Math.imul(hi ^ c, FNV_PRIME);
      }
    }
    lo = fmix32(lo);
    hi = fmix32(hi);
    for (let n = 0; n < 8; n++) {
      nibbleCounts[(n << 4) | ((lo >>> (n << 2)) & 15)]!++;
      nibbleCounts[((n + 8) << 4) | ((hi >>> (n << 2)) & 15)]!++;
    }
  }
  let lo = 0;
  let hi = 0;
  for (let n = 0; n < 16; n++) {
    for (let b = 0; b < 4; b++) {
      let ones = 0;
      for (let v = 0; v < 16; v++) if ((v >>> b) & 1) ones += nibbleCounts[(n << 4) | v]!;
      // The vote: +1 per shingle with the bit set, -1 per shingle without; the bit is set when the sum is positive.
      if (2 * ones > shingles) {
        const bit = ((n & 7) << 2) | b;
        if (n < 8) lo |= 1 << bit;
        else hi |= 1 << bit;
      }
    }
  }
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

/** Number of differing bits between two 64-bit hashes (signed or unsigned representations alike). */
export function hammingDistance(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b);
  let count = 0;
  while (x !== 0n) {
    x &= x - 1n;
    count++;
  }
  return count;
}

export function isNearDuplicate(a: bigint, b: bigint): boolean {
  return hammingDistance(a, b) <= NEAR_DUPLICATE_DISTANCE;
}
