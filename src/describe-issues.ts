// How a failed validation reads to a person, the same in a 400 response, a CLI error and an import report.
import type { z } from "zod";

/** One line naming the first problem, e.g. "timezone: must be an IANA time zone name like Asia/Shanghai". */
export function describeIssues(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid input";
  const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
  return `${where}${issue.message}`;
}
