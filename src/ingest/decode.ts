// Bytes -> text for feeds and pages. No feed parser honours the XML prolog's encoding (STACK.md §4), so we
// decode before parsing: BOM > HTTP charset > XML prolog > HTML meta > UTF-8 (with a fallback for legacy bytes).
import iconv from "iconv-lite";

export interface DecodedText {
  text: string;
  /** The encoding the bytes were decoded with (iconv-lite name, lowercase). */
  encoding: string;
}

/** Encoding labels mapped to the decoder we actually use. GB2312 and GBK are subsets of GB18030. */
const ALIASES: Record<string, string> = {
  gb2312: "gb18030",
  gbk: "gb18030",
  "x-gbk": "gb18030",
  cp936: "gb18030",
  "gb_2312-80": "gb18030",
  csgb2312: "gb18030",
  chinese: "gb18030",
  "euc-cn": "gb18030",
  // WHATWG: latin1 labels mean windows-1252, which is a superset used by real servers.
  "iso-8859-1": "windows-1252",
  "iso8859-1": "windows-1252",
  latin1: "windows-1252",
  "us-ascii": "utf-8",
  ascii: "utf-8",
  utf8: "utf-8",
  "x-big5": "big5",
  "big5-hkscs": "big5hkscs",
};

const WIDE = /^utf-?(16|32)(le|be)?$/;

/** Normalises a charset label; null if iconv-lite cannot decode it. */
export function normaliseEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  const lower = label.trim().replace(/^["']|["']$/g, "").toLowerCase();
  if (lower === "") return null;
  const mapped = ALIASES[lower] ?? lower;
  return iconv.encodingExists(mapped) ? mapped : null;
}

function bomEncoding(b: Buffer): { encoding: string; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) return { encoding: "utf-32le", length: 4 };
  if (b.length >= 4 && b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff) return { encoding: "utf-32be", length: 4 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

/** BOM-less UTF-16/32 from the zero-byte pattern of ASCII markup ("<?xm" etc.), as XML 1.0 Appendix F. */
function sniffWideEncoding(b: Buffer): string | null {
  if (b.length < 4) return null;
  const [a, c, d, e] = [b[0], b[1], b[2], b[3]];
  if (a === 0 && c === 0 && d === 0 && e !== 0) return "utf-32be";
  if (a !== 0 && c === 0 && d === 0 && e === 0) return "utf-32le";
  if (a === 0 && c !== 0 && d === 0 && e !== 0) return "utf-16be";
  if (a !== 0 && c === 0 && d !== 0 && e === 0) return "utf-16le";
  return null;
}

export function charsetFromContentType(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

function prologEncoding(head: string): string | null {
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']*)["']/.exec(head);
  return m?.[1] ?? null;
}

function metaCharset(head: string): string | null {
  const direct = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  return direct?.[1] ?? null;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that cannot be UTF-8. */
function utf8Validity(b: Buffer): { multibyte: number; invalid: number } {
  let multibyte = 0;
  let invalid = 0;
  let i = 0;
  while (i < b.length) {
    const x = b[i]!;
    if (x < 0x80) {
      i++;
      continue;
    }
    const need = x >= 0xc2 && x <= 0xdf ? 1 : x >= 0xe0 && x <= 0xef ? 2 : x >= 0xf0 && x <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { multibyte, invalid };
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/g;

/**
 * Bytes that are mostly not UTF-8 and carry no usable label: GB18030 when that decodes cleanly to mostly
 * Han characters and CJK punctuation (the common case for Chinese sites), else windows-1252.
 */
function legacyFallback(b: Buffer): string {
  const gb = iconv.decode(b, "gb18030");
  if (!gb.includes("\ufffd")) {
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    const nonAscii = gb.replace(/[\x00-\x7f]/g, "").length;
    const han = gb.match(HAN)?.length ?? 0;
    if (nonAscii > 0 && han / nonAscii >= 0.8) return "gb18030";
  }
  return "windows-1252";
}

/** Picks the encoding for `body` (exported for diagnostics). */
export function detectEncoding(body: Buffer, contentType: string | null): { encoding: string; bomLength: number } {
  const bom = bomEncoding(body);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length };

  const wide = sniffWideEncoding(body);
  if (wide) return { encoding: wide, bomLength: 0 };

  // Without a BOM or a zero-byte pattern the document is ASCII-compatible, so any UTF-16/32 label is wrong.
  const usable = (label: string | null) => {
    const enc = normaliseEncoding(label);
    return enc !== null && !WIDE.test(enc) ? enc : null;
  };
  const head = body.subarray(0, 4096).toString("latin1");
  const declared =
    usable(charsetFromContentType(contentType)) ?? usable(prologEncoding(head)) ?? usable(metaCharset(head));
  const { multibyte, invalid } = utf8Validity(body);
  // Bytes that are valid UTF-8 with multi-byte sequences are UTF-8 whatever the label says: legacy text almost
  // never forms valid UTF-8 by chance, while a copied-over "ISO-8859-1" prolog on a UTF-8 file is common.
  if (declared && declared !== "utf-8" && !(invalid === 0 && multibyte > 0)) return { encoding: declared, bomLength: 0 };

  // A few stray bytes in a UTF-8 document should not turn every character into mojibake.
  if (invalid === 0 || multibyte > invalid) return { encoding: "utf-8", bomLength: 0 };
  return { encoding: legacyFallback(body), bomLength: 0 };
}

export function decodeFeedBytes(body: Buffer, contentType: string | null): DecodedText {
  const { encoding, bomLength } = detectEncoding(body, contentType);
  const text = iconv.decode(body.subarray(bomLength), encoding, { stripBOM: true });
  return { text: text.replace(/^[\ufeff\s]+/, ""), encoding };
}
