// A small pool of worker threads that run one task each at a time under a deadline. A task that overruns it has its
// worker terminated (the only way to stop synchronous code such as a parser) and fails with TaskTimeoutError; a
// worker that dies (out of memory, a crash) fails its task with TaskFailedError and is replaced on demand. Idle
// workers do not keep the process alive and exit after a while: the last one after `idleMs`, so that a monitor's
// steady trickle of polls finds it warm; the others, started for a burst, after `surplusIdleMs` (each worker isolate
// holds ~30 MB, which the embedded monitor otherwise kept for a minute after every burst of polls).
import type { Worker } from "node:worker_threads";

export class TaskTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = "TaskTimeoutError";
  }
}

/** The task threw in the worker, or the worker died running it. */
export class TaskFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TaskFailedError";
  }
}

export interface WorkerPoolOptions {
  /** Starts a worker: it posts `{ ready: true }` once loaded, then answers each message with one reply. */
  start: () => Worker;
  size: number;
  /** Per task, counted from when a loaded worker receives it (not while it waits for one). */
  timeoutMs: number;
  /** The last idle worker exits after this long (default 60 s). */
  idleMs?: number;
  /** An idle worker exits after this long while another worker is alive (default 5 s). */
  surplusIdleMs?: number;
}

type Reply = { ready: true } | { ok: true; result: unknown } | { ok: false; message: string };

interface Job {
  message: unknown;
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  idleTimer?: NodeJS.Timeout;
}

export class WorkerPool {
  private readonly idle: Slot[] = [];
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  private closed = false;

  constructor(private readonly opts: WorkerPoolOptions) {}

  run(message: unknown): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("worker pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ message, resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("worker pool is closed"));
    await Promise.all([...this.slots].map((s) => this.discard(s)));
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const slot = this.idle.pop() ?? (this.slots.size < this.opts.size ? this.spawn() : null);
      if (!slot) return;
      clearTimeout(slot.idleTimer);
      void this.execute(slot, this.queue.shift()!);
    }
  }

  private spawn(): Slot {
    const worker = this.opts.start();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new TaskFailedError(`worker exited with code ${code} while starting`)));
    });
    ready.catch(() => {}); // observed by the task that waits for it
    const slot: Slot = { worker, ready };
    this.slots.add(slot);
    return slot;
  }

  private async execute(slot: Slot, job: Job): Promise<void> {
    const { worker } = slot;
    worker.ref();
    try {
      await slot.ready;
    } catch (err) {
      void this.discard(slot);
      job.reject(err instanceof Error ? err : new TaskFailedError(String(err)));
      this.pump();
      return;
    }
    let settled = false;
    const settle = (healthy: boolean, outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      outcome();
      if (healthy && !this.closed) this.release(slot);
      else void this.discard(slot);
      this.pump();
    };
    const onMessage = (reply: Reply) => {
      if ("ready" in reply) return;
      settle(true, () => (reply.ok ? job.resolve(reply.result) : job.reject(new TaskFailedError(reply.message))));
    };
    const onError = (err: Error) => settle(false, () => job.reject(new TaskFailedError(`worker died: ${err.message}`)));
    const onExit = (code: number) => settle(false, () => job.reject(new TaskFailedError(`worker exited with code ${code}`)));
    const timer = setTimeout(() => settle(false, () => job.reject(new TaskTimeoutError(this.opts.timeoutMs))), this.opts.timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(job.message);
  }

  /** Workers alive (busy, idle or starting). */
  get size(): number {
    return this.slots.size;
  }

  private release(slot: Slot): void {
    slot.worker.unref();
    const idleMs = this.opts.idleMs ?? 60_000;
    const idleSince = Date.now();
    const expire = () => {
      const idleFor = Date.now() - idleSince;
      if (this.slots.size > 1 || idleFor >= idleMs) {
        void this.discard(slot); // also takes it off the idle list
        return;
      }
      slot.idleTimer = setTimeout(expire, idleMs - idleFor);
      slot.idleTimer.unref();
    };
    slot.idleTimer = setTimeout(expire, Math.min(this.opts.surplusIdleMs ?? 5_000, idleMs));
    slot.idleTimer.unref();
    this.idle.push(slot);
  }

  private async discard(slot: Slot): Promise<void> {
    clearTimeout(slot.idleTimer);
    this.slots.delete(slot);
    const at = this.idle.indexOf(slot);
    if (at >= 0) this.idle.splice(at, 1);
    await slot.worker.terminate();
  }
}
