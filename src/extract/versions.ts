// Version grammar: a family stem ("GLM", "Ascend", "昇腾", "MLU") followed by a version in the family's shape
// names a model or chip, even one released after the catalog was written ("GLM-6", "Ascend 990").
import { resolveName, type CompiledCatalog, type CompiledFamily } from "./compile.ts";
import type { Mention } from "./mention.ts";

export function extendVersion(cat: CompiledCatalog, fam: CompiledFamily, text: string, start: number, end: number): Mention | undefined {
  fam.versionRe.lastIndex = end;
  const m = fam.versionRe.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const version = m[1].replace(/[\s\u2010-\u2015-]+/g, fam.sep);
  const name = fam.name.replace("{v}", version);
  const finish = end + m[0].length;
  const known = resolveName(cat, fam.type, name);
  if (known) return { type: known.type, start, end: finish, entity: known, name: known.canonical, discovered: false };
  return {
    type: fam.type,
    start,
    end: finish,
    name,
    discovered: true,
    org: fam.org ?? fam.vendor,
    family: fam.family,
    domestic: fam.domestic,
  };
}
