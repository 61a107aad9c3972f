// Entry point of a parse worker thread: runs the tasks of ./tasks.ts on request and answers with plain data.
import { parentPort } from "node:worker_threads";
import { tasks, type TaskName } from "./tasks.ts";

export interface TaskRequest {
  task: TaskName;
  args: unknown[];
}

export type TaskReply = { ready: true } | { ok: true; result: unknown } | { ok: false; message: string };

const port = parentPort;
if (!port) throw new Error("worker-entry.ts runs only as a worker thread");

port.on("message", async ({ task, args }: TaskRequest) => {
  let reply: TaskReply;
  try {
    const fn = tasks[task] as (...a: unknown[]) => unknown;
    reply = { ok: true, result: await fn(...args) };
  } catch (err) {
    // Any exception (a parser's TypeError, a RangeError from deep recursion) is the input's fault: say what it was.
    const message = err instanceof Error ? `${err.name === "Error" || err.name === "FeedParseError" ? "" : `${err.name}: `}${err.message.split("\n")[0]}` : String(err);
    reply = { ok: false, message };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true } satisfies TaskReply);
