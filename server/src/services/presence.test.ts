import { describe, expect, it } from 'vitest';
import type { PresenceEntry } from '../../../shared/index.js';
import { PresenceService } from './presence.js';

describe('PresenceService', () => {
  it('sends the first change at once and coalesces the ones right after into one, with the latest state', async () => {
    const presence = new PresenceService(20);
    const sent: PresenceEntry[][] = [];
    let wake: () => void = () => {};
    presence.onChange((_doc, entries) => {
      sent.push(entries);
      wake();
    });
    presence.enter('d', { userId: 'u1', displayName: 'A', connectionId: 'c1' });
    expect(sent).toHaveLength(1);

    const next = new Promise<void>((r) => (wake = r));
    presence.update('d', 'c1', { paragraphId: 'p1', lang: 'zh', typing: true });
    presence.update('d', 'c1', { paragraphId: 'p2', lang: 'zh', typing: false });
    presence.enter('d', { userId: 'u2', displayName: 'B', connectionId: 'c2' });
    expect(sent).toHaveLength(1);
    await next;
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual([
      { userId: 'u1', displayName: 'A', connectionId: 'c1', paragraphId: 'p2', lang: 'zh', typing: false },
      { userId: 'u2', displayName: 'B', connectionId: 'c2', paragraphId: null, lang: null, typing: false },
    ]);
    presence.close();
  });

  it('keeps one entry per connection and clears them on leave', () => {
    const presence = new PresenceService(0);
    presence.enter('d', { userId: 'u1', displayName: 'A', connectionId: 'tab1' });
    presence.enter('d', { userId: 'u1', displayName: 'A', connectionId: 'tab2' });
    presence.enter('e', { userId: 'u1', displayName: 'A', connectionId: 'tab1' });
    expect(presence.list('d').map((e) => e.connectionId)).toEqual(['tab1', 'tab2']);
    expect(presence.update('d', 'tab3', { paragraphId: null, lang: null, typing: true })).toBe(false);
    presence.leaveAll('tab1');
    expect(presence.list('d').map((e) => e.connectionId)).toEqual(['tab2']);
    expect(presence.list('e')).toEqual([]);
    presence.close();
  });

  it('merges what other nodes publish, passes on only its own changes, and forgets a node that went quiet', () => {
    const presence = new PresenceService(0);
    const room: PresenceEntry[][] = [];
    const mine: PresenceEntry[][] = [];
    presence.onChange((_doc, entries) => room.push(entries));
    presence.onLocalChange((_doc, entries) => mine.push(entries));
    const bo = { userId: 'u2', displayName: 'Bo', connectionId: 'b1', paragraphId: 'p1', lang: 'ru' as const, typing: true };

    presence.enter('d', { userId: 'u1', displayName: 'Ann', connectionId: 'a1' });
    presence.applyRemote({ nodeId: 'B', full: false, docs: { d: [bo] } }, 1_000);
    expect(presence.list('d').map((e) => e.connectionId)).toEqual(['a1', 'b1']);
    expect(room.at(-1)?.map((e) => e.connectionId)).toEqual(['a1', 'b1']);
    // The remote change reached this node's room, and was not echoed back to the other nodes.
    expect(mine.map((m) => m.map((e) => e.connectionId))).toEqual([['a1']]);

    // A heartbeat without the document: nobody of B's is there any more.
    presence.applyRemote({ nodeId: 'B', full: true, docs: {} }, 2_000);
    expect(presence.list('d').map((e) => e.connectionId)).toEqual(['a1']);

    presence.applyRemote({ nodeId: 'C', full: true, docs: { d: [{ ...bo, connectionId: 'c1' }] } }, 3_000);
    presence.expireRemote(2_500);
    expect(presence.list('d').map((e) => e.connectionId)).toEqual(['a1', 'c1']);
    presence.expireRemote(3_001);
    expect(presence.list('d').map((e) => e.connectionId)).toEqual(['a1']);
    expect(room.at(-1)?.map((e) => e.connectionId)).toEqual(['a1']);
    expect(presence.localSnapshot()).toEqual({
      d: [{ userId: 'u1', displayName: 'Ann', connectionId: 'a1', paragraphId: null, lang: null, typing: false }],
    });
    presence.close();
  });
});
