// Build-time generator for data/catalog/t2s.json: a one-character traditional -> simplified map taken from
// opencc-js, so that matching can fold Taiwan/Hong Kong spellings (華為, 寒武紀, 輝達) without running OpenCC per
// article. Run: npx tsx src/extract/catalog/generate-t2s.ts
import { writeFileSync } from "node:fs";
import * as OpenCC from "opencc-js";

const converters = (["t", "tw", "hk"] as const).map((from) => OpenCC.Converter({ from, to: "cn" }));
const map: Record<string, string> = {};
for (let cp = 0x3400; cp <= 0x9fff; cp++) {
  if (cp > 0x4dbf && cp < 0x4e00) continue;
  const ch = String.fromCharCode(cp);
  for (const convert of converters) {
    const out = convert(ch);
    if (out !== ch && out.length === 1) {
      map[ch] = out;
      break;
    }
  }
}
const path = new URL("../../../data/catalog/t2s.json", import.meta.url);
writeFileSync(path, JSON.stringify(map) + "\n");
console.log(`wrote ${Object.keys(map).length} pairs to ${path.pathname}`);
