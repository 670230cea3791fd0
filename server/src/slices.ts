import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToLoop } from 'node:timers/promises';

/**
 * Long synchronous work cut into slices of about `sliceMs`: call the returned
 * function between steps; once the slice is used up it lets the event loop run
 * (sockets, acks, timers) and starts a new slice. Used where a big document
 * would otherwise hold every editor up (batch approval checks, snapshots).
 */
export function timeSlicer(sliceMs: number): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart < sliceMs) return undefined;
    return yieldToLoop().then(() => {
      sliceStart = performance.now();
    });
  };
}

/**
 * Resolves once the event loop has polled for I/O (socket reads: other users'
 * edits) at least once. One setImmediate is not enough when called from an
 * I/O callback: the check phase comes straight after the poll phase that ran
 * the caller, so its continuation would run before any new input is read.
 */
export async function nextTurn(): Promise<void> {
  await yieldToLoop();
  await yieldToLoop();
}
