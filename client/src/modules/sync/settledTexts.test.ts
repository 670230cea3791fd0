import { describe, expect, it } from 'vitest';
import { emptyCell } from '../../../../shared/index.js';
import { SettledTexts } from './settledTexts.js';

const where = { docId: 'd1', paragraphId: 'p1', lang: 'ru' as const };

describe('SettledTexts', () => {
  it('keeps an ack the document has not caught up with, until it does', () => {
    const s = new SettledTexts();
    s.noteAck('k', { text: 'кот', rev: 3, seq: 8 }, 7);
    expect(s.textOf('k')).toBe('кот');
    s.caughtUp(7);
    expect(s.textOf('k')).toBe('кот');
    s.caughtUp(8);
    expect(s.textOf('k')).toBeUndefined();
  });

  it('keeps an ack before the first snapshot, never one the document has already, and forgets all at a snapshot', () => {
    const s = new SettledTexts();
    s.noteAck('old', { text: 'a', rev: 1, seq: 5 }, 5);
    s.noteAck('early', { text: 'b', rev: 1, seq: 2 }, undefined);
    expect([s.textOf('old'), s.textOf('early')]).toEqual([undefined, 'b']);
    s.clear();
    expect(s.textOf('early')).toBeUndefined();
  });

  it('knows the newest revision: the ack when it is ahead of the document, else the cell, else nothing yet', () => {
    const s = new SettledTexts();
    const cell = { ...emptyCell(), text: 'пёс', rev: 2 };
    expect(s.known('k', where, undefined)).toEqual({ ...where, rev: 0, text: '' });
    expect(s.known('k', where, cell)).toEqual({ ...where, rev: 2, text: 'пёс' });
    s.noteAck('k', { text: 'кот', rev: 3, seq: 9 }, 8);
    expect(s.known('k', where, cell)).toEqual({ ...where, rev: 3, text: 'кот' });
  });
});
