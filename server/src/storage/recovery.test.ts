import { readdir, readFile, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocEvent } from '../../../shared/index.js';
import { createStorage } from './index.js';
import { byId, DocEventFactory, editBurst, reduceAll, tempDataDir } from '../../test/helpers/storageFactories.js';

/** Two documents' histories, interleaved the way concurrent editors would produce them. */
function interleaved(editsA: number, editsB: number): DocEvent[] {
  const a = new DocEventFactory('docA');
  const b = new DocEventFactory('docB');
  const ea = [a.created(3), ...editBurst(a, editsA, 3)];
  const eb = [b.created(2), ...editBurst(b, editsB, 2)];
  const out: DocEvent[] = [];
  while (ea.length > 0 || eb.length > 0) {
    const next = (out.length % 3 === 2 ? eb.shift() : ea.shift()) ?? eb.shift() ?? ea.shift();
    if (next) out.push(next);
  }
  return out;
}

describe('recovery after a crash at any byte', () => {
  it('reloads every event before the cut, and every event a checkpoint covered', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 25 }),
        // Append chunk sizes, and after which chunks a checkpoint runs.
        fc.array(fc.record({ size: fc.integer({ min: 1, max: 9 }), checkpoint: fc.boolean() }), { minLength: 1, maxLength: 12 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        async (editsA, editsB, plan, cutAt) => {
          const events = interleaved(editsA, editsB);
          const { dir, remove } = await tempDataDir();
          try {
            const s = await createStorage({ dataDir: dir, log: () => {} });
            await s.documents.load();
            let i = 0;
            for (let step = 0; i < events.length; step++) {
              const { size, checkpoint } = plan[step % plan.length]!;
              const chunk = events.slice(i, i + size);
              i += chunk.length;
              // Each event is its own append, concurrently, as separate editors would send them.
              await Promise.all(chunk.map((ev) => s.documents.append([ev])));
              if (checkpoint) await s.documents.checkpoint(reduceAll(events.slice(0, i)).values());
            }
            await s.close();

            // Tear the newest segment at a random byte, as a crash in the middle of a write would.
            const segments = (await readdir(join(dir, 'journal'))).sort();
            let lost = 0;
            const last = segments.at(-1);
            if (last) {
              const path = join(dir, 'journal', last);
              const text = await readFile(path);
              const cut = Math.floor(cutAt * text.length);
              await truncate(path, cut);
              const kept = text.subarray(0, cut).toString('utf8').split('\n').length - 1;
              lost = text.toString('utf8').split('\n').length - 1 - kept;
            }

            const r = await createStorage({ dataDir: dir, log: () => {} });
            const loaded = await r.documents.load();
            await r.close();
            expect(byId(loaded.docs)).toEqual(byId(reduceAll(events.slice(0, events.length - lost)).values()));
            expect(loaded.warnings.every((w) => /truncated last line/.test(w))).toBe(true);
          } finally {
            await remove();
          }
        },
      ),
      { numRuns: 15 },
    );
  });
});
