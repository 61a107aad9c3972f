// Writes demo/feeds/xinwen-gb2312.rss.xml as real GB18030 bytes from its UTF-8 source, so the demo
// exercises charset detection from the XML prolog (the demo server sends no charset for it).
// Run once after editing the source, and commit the output:
//   npx tsx demo/scripts/encode-gb2312-feed.ts
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";

const source = fileURLToPath(new URL("./src/xinwen-gb2312.utf8.xml", import.meta.url));
const target = fileURLToPath(new URL("../feeds/xinwen-gb2312.rss.xml", import.meta.url));

/**
 * Like many real Chinese sites, the feed declares GB2312 but uses a few GBK-only characters (e.g. 昇 in 昇腾),
 * so a decoder that takes "GB2312" literally fails; mapping it to GB18030 works. Four-byte GB18030 sequences
 * are refused, because no site declaring GB2312 would emit them. Returns the GBK-only characters.
 */
function gbkOnlyCharacters(text: string): string[] {
  const outside = new Set<string>();
  for (const char of text) {
    const bytes = iconv.encode(char, "gb18030");
    if (bytes.length === 1 && bytes[0]! < 0x80) continue;
    if (bytes.length !== 2) throw new Error(`"${char}" needs a four-byte GB18030 sequence`);
    // GB2312 proper is the EUC-CN range: both bytes in 0xA1-0xFE.
    if (bytes[0]! < 0xa1 || bytes[1]! < 0xa1) outside.add(char);
  }
  return [...outside];
}

const text = readFileSync(source, "utf8");
if (!/^<\?xml[^>]*encoding="GB2312"/.test(text)) throw new Error("source must declare encoding=\"GB2312\"");
const gbkOnly = gbkOnlyCharacters(text);
const bytes = iconv.encode(text, "gb18030");
if (iconv.decode(bytes, "gb18030") !== text) throw new Error("round trip changed the text");
writeFileSync(target, bytes);
console.log(`wrote ${bytes.length} bytes to ${target}; GBK-only characters: ${gbkOnly.join(" ") || "none"}`);
