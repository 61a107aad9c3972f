// A failed query's error names the query's text and every parameter (drizzle's DrizzleQueryError): megabytes for
// a bulk insert, and user data in logs. What a person or a log sees instead is the database's own message.
import { DrizzleQueryError } from "drizzle-orm/errors";

/** The error to show or log: a failed query becomes the database's reason; anything else is returned as is. */
export function withoutQueryText(err: unknown): unknown {
  if (!(err instanceof DrizzleQueryError)) return err;
  const cause = err.cause instanceof Error ? err.cause : null;
  const code = cause && "code" in cause && typeof cause.code === "string" ? ` (${cause.code})` : "";
  const short = new Error(`database query failed${code}: ${cause?.message ?? "no reason given"}`);
  // The stack's first lines repeat the message (query and parameters); keep only the frames.
  if (err.stack) short.stack = [`Error: ${short.message}`, ...err.stack.split("\n").filter((l) => /^\s+at /.test(l))].join("\n");
  return short;
}
