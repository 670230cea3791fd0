import { call, opId } from './socket.js';
import type { AnorSocket } from './socket.js';

export interface EditLoadResult {
  /** Edits acknowledged. */
  acks: number;
  /** The longest an edit waited for its acknowledgement, ms. */
  maxWaitMs: number;
  /** When each acknowledgement arrived (performance.now()). */
  ackedAt: number[];
}

/**
 * One user typing into a cell: an edit, its acknowledgement, a pause of
 * `pauseMs`, the next edit, until stopped. For measuring (bench) and testing
 * (e2e) how long other work on the server holds editors up.
 */
export function startEditing(
  socket: AnorSocket,
  target: { docId: string; paragraphId: string; lang: 'ru' },
  pauseMs = 50,
): { stop: () => Promise<EditLoadResult> } {
  let done = false;
  const out: EditLoadResult = { acks: 0, maxWaitMs: 0, ackedAt: [] };
  let rev = 0;
  const loop = (async () => {
    while (!done) {
      const t0 = performance.now();
      const r = await call(socket, 'cell:edit', { ...target, opId: opId(), baseRev: rev, text: `Правка ${out.acks}` });
      if (!r) break;
      if (r.ok) rev = r.data.rev;
      const now = performance.now();
      out.maxWaitMs = Math.max(out.maxWaitMs, now - t0);
      out.ackedAt.push(now);
      out.acks++;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  })();
  return {
    stop: async () => {
      done = true;
      await loop;
      return out;
    },
  };
}
