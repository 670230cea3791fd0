/**
 * How long `anor serve` may take to shut down after SIGINT/SIGTERM before it
 * exits anyway. Nothing acknowledged is lost by that: an edit is durable
 * before its ack (the journal is synced, a PostgreSQL commit is committed;
 * e2e/crash.test.ts kills the server with -9), so a shutdown that hangs —
 * a library's connection still retrying after a database outage, say — only
 * delays a restart, and is cut short instead.
 */
export const SHUTDOWN_MS = 20_000;

export interface Watchdog {
  /** Shutdown finished: if something still holds the process open past the deadline, it exits with 0. */
  finished(): void;
}

/**
 * Starts the deadline (an unref'd timer: it never keeps the process alive by
 * itself). When it fires, `exit` gets 1 if the shutdown had not finished, 0
 * if it had but a handle left open (a timer, a socket) kept the process
 * running; `say` tells the operator which.
 */
export function shutdownWatchdog(ms: number, exit: (code: number) => void, say: (msg: string) => void): Watchdog {
  let done = false;
  const timer = setTimeout(() => {
    say(
      done
        ? `stopped, but something still held the process open ${ms / 1000} s later; exiting`
        : `shutdown did not finish in ${ms / 1000} s; exiting (acknowledged edits are already stored)`,
    );
    exit(done ? 0 : 1);
  }, ms);
  timer.unref();
  return {
    finished: () => {
      done = true;
    },
  };
}
