import { beforeEach, describe, expect, it } from 'vitest';
import { entryKey, LocalStorageOutboxStorage, newOpId, Outbox } from './outbox.js';
import type { OutboxEntry } from './outbox.js';

function entry(paragraphId: string, text: string): OutboxEntry {
  return {
    docId: 'd1',
    paragraphId,
    lang: 'zh',
    opId: newOpId(),
    baseRev: 0,
    baseText: '',
    text,
    state: 'pending',
    attempts: 0,
    updatedAt: 1,
  };
}

describe('Outbox over localStorage', () => {
  beforeEach(() => localStorage.clear());

  it('survives a new instance (a reload) and keeps one entry per cell', () => {
    const a = new Outbox(new LocalStorageOutboxStorage('u1'));
    a.put(entry('p1', '一'));
    a.put(entry('p1', '一二'));
    a.put(entry('p2', '三'));
    const b = new Outbox(new LocalStorageOutboxStorage('u1'));
    expect(
      b
        .forDoc('d1')
        .map((e) => e.text)
        .sort(),
    ).toEqual(['一二', '三']);
  });

  it('keeps users apart', () => {
    new Outbox(new LocalStorageOutboxStorage('u1')).put(entry('p1', 'x'));
    expect(new Outbox(new LocalStorageOutboxStorage('u2')).all()).toEqual([]);
  });

  it('does not overwrite entries another tab wrote meanwhile', () => {
    const tab1 = new Outbox(new LocalStorageOutboxStorage('u1'));
    const tab2 = new Outbox(new LocalStorageOutboxStorage('u1'));
    tab1.put(entry('p1', 'a'));
    tab2.put(entry('p2', 'b'));
    tab1.remove(entryKey({ docId: 'd1', paragraphId: 'p1', lang: 'zh' }));
    expect(tab2.all().map((e) => e.paragraphId)).toEqual(['p2']);
  });

  it('sets a corrupt stored value aside instead of failing', () => {
    localStorage.setItem('anor.outbox.v1:u1', '{not json');
    const o = new Outbox(new LocalStorageOutboxStorage('u1'));
    expect(o.all()).toEqual([]);
    expect(localStorage.getItem('anor.outbox.v1:u1:corrupt')).toBe('{not json');
  });

  it('makes op ids the server accepts', () => {
    const id = newOpId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newOpId()).not.toBe(id);
  });
});
