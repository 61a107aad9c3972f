// Parses the block-style YAML subset our compose file uses: nested maps ("key:" / "key: value") and lists of scalars
// ("- value"); flow lists and quoted strings stay scalar strings. Throws on tabs and odd indentation, which is what a
// hand-edited compose file usually gets wrong. (No YAML library is a dependency; Docker cannot run here.)
export type Node = string | Node[] | { [key: string]: Node };

interface Line {
  indent: number;
  text: string;
  no: number;
}

export function parseYamlSubset(source: string): Node {
  const lines: Line[] = [];
  source.split("\n").forEach((raw, i) => {
    if (raw.includes("\t")) throw new Error(`line ${i + 1}: tab character`);
    const text = raw.replace(/\s+#.*$/, "").trimEnd();
    if (text.trim() === "" || text.trim().startsWith("#")) return;
    const indent = text.length - text.trimStart().length;
    if (indent % 2 !== 0) throw new Error(`line ${i + 1}: indentation of ${indent} is not a multiple of 2`);
    lines.push({ indent, text: text.trim(), no: i + 1 });
  });
  let pos = 0;
  const block = (indent: number): Node => {
    const first = lines[pos];
    if (!first || first.indent !== indent) throw new Error(`line ${first?.no ?? "end"}: expected indentation ${indent}`);
    if (first.text.startsWith("- ")) {
      const list: Node[] = [];
      while (lines[pos]?.indent === indent && lines[pos]?.text.startsWith("- ")) list.push((lines[pos++] as Line).text.slice(2).trim());
      return list;
    }
    const map: Record<string, Node> = {};
    while (lines[pos] && (lines[pos] as Line).indent === indent) {
      const line = lines[pos++] as Line;
      const m = /^([\w.-]+):(?:\s+(.*))?$/.exec(line.text);
      if (!m) throw new Error(`line ${line.no}: expected "key:" or "key: value", got "${line.text}"`);
      const key = m[1] as string;
      if (key in map) throw new Error(`line ${line.no}: duplicate key ${key}`);
      if (m[2] !== undefined) map[key] = m[2];
      else if (lines[pos] && (lines[pos] as Line).indent > indent) map[key] = block((lines[pos] as Line).indent);
      else map[key] = "";
    }
    if (lines[pos] && (lines[pos] as Line).indent > indent) throw new Error(`line ${(lines[pos] as Line).no}: unexpected indentation`);
    return map;
  };
  const root = block(0);
  if (pos !== lines.length) throw new Error(`line ${lines[pos]?.no}: could not parse`);
  return root;
}
