import { createUserToken } from "../../store/repositories/users.ts";
import { UsageError } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";

/** `users add NAME`: creates an analyst with an own token (printed once; only its hash is stored). */
export const users: Command = async (argv, { config }) => {
  const [sub, name] = argv;
  if (sub !== "add" || !name) throw new UsageError("users add NAME");
  const token = await withDatabase(config, (db) => createUserToken(db, name));
  writeLine({ user: name, token });
  return 0;
};
