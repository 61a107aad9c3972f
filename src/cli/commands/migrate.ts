import { withDatabase, type Command } from "../context.ts";

export const migrate: Command = async (_args, { config, logger }) => {
  await withDatabase(config, async () => {});
  logger.info({ driver: config.DATABASE_URL ? "postgres" : "pglite" }, "database migrated");
  return 0;
};
