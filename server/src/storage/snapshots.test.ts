import { describe, expect, it } from 'vitest';
import { applyEvent } from '../../../shared/index.js';
import { captureSnapshot, parseSnapshot, serializeSnapshot } from './snapshots.js';
import { DocEventFactory, editBurst, reduceAll } from '../../test/helpers/storageFactories.js';

describe('captureSnapshot', () => {
  function sampleDoc() {
    const f = new DocEventFactory('d1');
    const created = f.created(3);
    const burst = editBurst(f, 2000, 3);
    const lastZh = burst.filter((e) => e.type === 'cell.edited' && e.paragraphId === 'p1' && e.lang === 'zh').at(-1);
    const events = [created, ...burst, f.approved('p1', 'zh', lastZh?.type === 'cell.edited' ? lastZh.rev : 0)];
    const doc = reduceAll(events).get('d1')!;
    return { f, doc };
  }

  it('renders, in slices, the snapshot as it was when captured, whatever changes meanwhile', async () => {
    const { f, doc } = sampleDoc();
    const serialized = serializeSnapshot(doc);
    const expected = parseSnapshot(serialized);
    const snap = captureSnapshot(doc, 0); // a zero slice: yield as often as it can
    expect(snap.seq).toBe(doc.seq);
    // After the capture: more history, a changed cell, a new paragraph.
    const zhRev = doc.paragraphs[1]!.cells.zh!.rev;
    for (const ev of [f.edited('p2', 'zh', 'later text', zhRev + 1), f.inserted(0, 'p9', 'New first paragraph.')]) applyEvent(doc, ev);
    const rendered = await snap.render();
    expect(parseSnapshot(rendered.join(''))).toEqual(expected);
    // The header too is as of the capture (the summary counts the paragraphs then).
    expect(rendered.join('').split('\n')[0]).toBe(serialized.split('\n')[0]);
    expect(parseSnapshot(serializeSnapshot(doc))).not.toEqual(expected);
  });

  it('lets the event loop run while it renders a long history', async () => {
    const { doc } = sampleDoc();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    try {
      await captureSnapshot(doc, 0).render();
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(0);
  });
});
