import { createUserToken, removeUser, verifyToken } from "../../store/repositories/users.ts";
import { isRole, ROLES } from "../../web/access.ts";
import { optionString, readArgs, UsageError } from "../args.ts";
import { withDatabase, writeLine, type Command } from "../context.ts";

const USAGE = `users add NAME [--role ${ROLES.join("|")}] | users remove NAME`;

/**
 * `users add NAME [--role R]`: creates a user with an own token (printed once; only its hash is stored), or gives
 * an existing one a new token, which ends their sessions. `users remove NAME`: the token stops working, the
 * sessions end.
 */
export const users: Command = async (argv, { config }) => {
  const args = readArgs(argv, { valued: ["role"] });
  const [sub, name, ...extra] = args.positionals;
  if (!name || extra.length > 0) throw new UsageError(USAGE);
  if (sub === "add") {
    // Without --role a new user is an analyst and an existing one keeps their role.
    const role = optionString(args, "role");
    if (role !== undefined && !isRole(role)) throw new UsageError(`unknown role "${role}": one of ${ROLES.join(", ")}`);
    const made = await withDatabase(config, async (db) => {
      const token = await createUserToken(db, name, role);
      return { token, user: await verifyToken(db, token) };
    });
    writeLine({ user: made.user?.actor ?? name, token: made.token, role: made.user?.role });
    return 0;
  }
  if (sub === "remove" && !args.options.has("role")) {
    const removed = await withDatabase(config, (db) => removeUser(db, name));
    writeLine({ user: name, removed });
    return removed ? 0 : 1;
  }
  throw new UsageError(USAGE);
};
