// Child process for tests that compare whole-corpus results across process settings (e.g. TZ): prints one JSON
// object, input file -> everything decode + parse produced for it.
import { corpusInputs, parseCorpusInputToJson } from "./feed-corpus.ts";

const results: Record<string, string> = {};
for (const input of corpusInputs()) results[input.file] = await parseCorpusInputToJson(input);
process.stdout.write(JSON.stringify(results));
