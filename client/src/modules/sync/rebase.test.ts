import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { rebaseOnRemote, settleAfterAck } from './rebase.js';
import type { OutboxEntry } from './outbox.js';

function entry(over: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    docId: 'd',
    paragraphId: 'p',
    lang: 'ru',
    opId: 'op000001',
    baseRev: 1,
    baseText: 'Привет мир',
    text: 'Привет мир!',
    state: 'pending',
    attempts: 0,
    updatedAt: 0,
    ...over,
  };
}

describe('rebaseOnRemote', () => {
  it('carries local typing over onto a remote edit elsewhere in the cell', () => {
    const r = rebaseOnRemote(entry(), 'Здравствуй, Привет мир', 2);
    expect(r).toMatchObject({ state: 'pending', baseRev: 2, baseText: 'Здравствуй, Привет мир', text: 'Здравствуй, Привет мир!' });
  });

  it('drops the entry when the remote text already has the local change', () => {
    expect(rebaseOnRemote(entry(), 'Привет мир!', 2)).toBeNull();
  });

  it('turns an overlapping change into a conflict that keeps both texts', () => {
    const r = rebaseOnRemote(entry({ text: 'Привет, друг' }), 'Привет, земля', 2);
    expect(r).toMatchObject({ state: 'conflict', text: 'Привет, друг', theirs: 'Привет, земля', theirsRev: 2 });
  });

  it('keeps a conflict open and shows the newest remote text', () => {
    const c = entry({ state: 'conflict', theirs: 'a', theirsRev: 2 });
    expect(rebaseOnRemote(c, 'b', 3)).toMatchObject({ state: 'conflict', theirs: 'b', theirsRev: 3, text: c.text });
  });

  it('works on Chinese text, which has no spaces', () => {
    const r = rebaseOnRemote(entry({ baseText: '你好世界', text: '你好世界。' }), '大家好世界', 2);
    expect(r?.text).toBe('大家好世界。');
  });

  it('never loses a local insertion made away from the remote one', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 4, maxLength: 30 }),
        fc.string({ minLength: 1, maxLength: 5 }),
        fc.string({ minLength: 1, maxLength: 5 }),
        (base, ins1, ins2) => {
          const remote = ins1 + '|' + base;
          const local = base + '|' + ins2;
          const r = rebaseOnRemote(entry({ baseText: base, text: local }), remote, 2);
          expect(r).not.toBeNull();
          if (r && r.state === 'pending') expect(r.text).toBe(ins1 + '|' + base + '|' + ins2);
          else expect(r?.theirs).toBe(remote);
        },
      ),
    );
  });
});

describe('settleAfterAck', () => {
  it('gives text changed under the same op id a new one, so a resend is not answered with the first result', () => {
    // Found by the model-based test: an IME clash rewrote the text of an entry whose op was on the wire.
    const sent = { opId: 'op000001', text: 'Привет мир!' };
    const next = settleAfterAck(entry({ text: 'Привет, друг!' }), sent, {
      outcome: 'applied',
      seq: 5,
      rev: 2,
      text: 'Привет мир!',
      status: 'draft',
    });
    expect(next).toMatchObject({ state: 'pending', baseRev: 2, text: 'Привет, друг!' });
    expect(next?.opId).not.toBe('op000001');
  });

  const ack = { outcome: 'applied' as const, seq: 5, rev: 2, text: 'Привет мир!', status: 'draft' as const };

  it('is done when nothing was typed since the send', () => {
    const e = entry();
    expect(settleAfterAck(e, { opId: e.opId, text: e.text }, ack)).toBeNull();
  });

  it('rebases keystrokes typed while the edit was on the wire', () => {
    const e = entry({ opId: 'op000002', text: 'Привет мир!!' });
    const r = settleAfterAck(e, { opId: 'op000001', text: 'Привет мир!' }, { ...ack, outcome: 'merged', text: 'Эй, Привет мир!', rev: 3 });
    expect(r).toMatchObject({ state: 'pending', baseRev: 3, baseText: 'Эй, Привет мир!', text: 'Эй, Привет мир!!' });
  });

  it('keeps both versions on a conflict', () => {
    const e = entry({ text: 'Мой текст' });
    const r = settleAfterAck(
      e,
      { opId: e.opId, text: e.text },
      { ...ack, outcome: 'conflict', text: 'Их текст', rev: 4, yours: 'Мой текст' },
    );
    expect(r).toMatchObject({ state: 'conflict', text: 'Мой текст', theirs: 'Их текст', theirsRev: 4, baseRev: 4 });
  });

  it('returns nothing for an entry that was discarded meanwhile', () => {
    expect(settleAfterAck(undefined, { opId: 'x', text: 'y' }, ack)).toBeNull();
  });
});
