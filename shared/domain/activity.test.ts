import { describe, expect, it } from 'vitest';
import { activityOf, appendActivity } from './activity.js';
import type { DocEvent, DocEventBody } from './events.js';

let seq = 0;
const ev = (body: DocEventBody, by = 'u1'): DocEvent => ({
  docId: 'd',
  seq: ++seq,
  at: `2026-01-01T00:00:${String(seq).padStart(2, '0')}.000Z`,
  by,
  opId: null,
  ...body,
});
const edit = (text: string, by = 'u1', paragraphId = 'p1'): DocEvent =>
  ev({ type: 'cell.edited', paragraphId, lang: 'kk', kind: 'edit', text, rev: seq, status: 'draft' }, by);

describe('activity', () => {
  it('describes each event with who, where and the resulting status', () => {
    expect(activityOf(ev({ type: 'cell.status', paragraphId: 'p1', lang: 'ru', status: 'approved', rev: 2 }, 'r'))).toMatchObject({
      by: 'r',
      type: 'cell.status',
      paragraphId: 'p1',
      lang: 'ru',
      status: 'approved',
    });
    expect(
      activityOf(ev({ type: 'comment.added', commentId: 'c1', paragraphId: 'p2', lang: 'en', text: 'x', mentions: [] })),
    ).toMatchObject({ type: 'comment.added', commentId: 'c1', paragraphId: 'p2' });
    expect(activityOf(ev({ type: 'document.settings', settings: { allowSelfApproval: true } }))).toMatchObject({
      paragraphId: null,
      lang: null,
      status: null,
    });
  });

  it('folds consecutive edits of one cell by one person, and nothing else', () => {
    let items = [edit('a'), edit('ab'), edit('abc')].reduce(appendActivity, []);
    expect(items).toHaveLength(1);
    expect(items[0]?.seq).toBe(seq);
    items = appendActivity(items, edit('x', 'u2'));
    items = appendActivity(items, edit('y', 'u2', 'p2'));
    items = appendActivity(items, ev({ type: 'cell.status', paragraphId: 'p2', lang: 'kk', status: 'in_review', rev: 1 }, 'u2'));
    items = appendActivity(items, edit('z', 'u2', 'p2'));
    expect(items.map((i) => [i.type, i.by, i.paragraphId])).toEqual([
      ['cell.edited', 'u1', 'p1'],
      ['cell.edited', 'u2', 'p1'],
      ['cell.edited', 'u2', 'p2'],
      ['cell.status', 'u2', 'p2'],
      ['cell.edited', 'u2', 'p2'],
    ]);
  });

  it('keeps only the newest `max` lines', () => {
    let items = appendActivity([], edit('a', 'a'));
    for (const who of ['b', 'c', 'd']) items = appendActivity(items, edit('t', who), 2);
    expect(items.map((i) => i.by)).toEqual(['c', 'd']);
  });
});
