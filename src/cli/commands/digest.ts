import { weeklyDigest } from "../../report/digest.ts";
import { isoWeekOf } from "../../report/iso-week.ts";
import { optionString, readArgs, UsageError } from "../args.ts";
import { withDatabase, type Command } from "../context.ts";

/** `digest --week [YYYY-Www]`: the weekly Markdown digest per indicator (default: the current week). */
export const digest: Command = async (argv, { config }) => {
  const args = readArgs(argv.map((a) => (a === "--week" ? "--week=" : a)), { valued: ["week"] });
  const given = optionString(args, "week") || args.positionals[0];
  const week = given || isoWeekOf(new Date());
  if (!/^\d{4}-W\d{2}$/.test(week)) throw new UsageError(`--week must look like 2026-W48, not "${week}"`);
  process.stdout.write(await withDatabase(config, (db) => weeklyDigest(db, week)));
  return 0;
};
