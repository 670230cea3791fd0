import { merge3 } from '../../../../shared/merge/merge3.js';
import type { CellEditAck } from '../../../../shared/index.js';
import { newOpId } from './outbox.js';
import type { OutboxEntry } from './outbox.js';

/**
 * What becomes of a local unsent edit when the cell moves on underneath it.
 * Pure: the sync engine applies the result. `null` means nothing is left to
 * send (the remote text already contains everything typed locally).
 */
export function rebaseOnRemote(entry: OutboxEntry, remoteText: string, remoteRev: number): OutboxEntry | null {
  if (entry.state === 'conflict') {
    // Still waiting for the user; keep showing the newest "theirs".
    return { ...entry, theirs: remoteText, theirsRev: remoteRev, baseRev: remoteRev, baseText: remoteText };
  }
  const merged = merge3(entry.baseText, remoteText, entry.text);
  if (!merged.ok) {
    return { ...entry, state: 'conflict', theirs: remoteText, theirsRev: remoteRev, baseRev: remoteRev, baseText: remoteText };
  }
  if (merged.text === remoteText) return null;
  return { ...entry, baseRev: remoteRev, baseText: remoteText, text: merged.text };
}

/**
 * Settles the entry after the server answered an edit. `sent` is what went
 * out; `current` is the entry now (the user may have typed on meanwhile).
 */
export function settleAfterAck(
  entry: OutboxEntry | undefined,
  sent: Pick<OutboxEntry, 'opId' | 'text'>,
  ack: CellEditAck,
): OutboxEntry | null {
  if (!entry) return null;
  const typedSince = entry.opId !== sent.opId || entry.text !== sent.text;
  // An op id names one text: what is left to send is a new operation, or a retry would get the old answer.
  const current: OutboxEntry = { ...entry, sent: undefined, opId: typedSince && entry.opId === sent.opId ? newOpId() : entry.opId };
  if (ack.outcome === 'conflict') {
    return {
      ...current,
      state: 'conflict',
      theirs: ack.text,
      theirsRev: ack.rev,
      baseRev: ack.rev,
      baseText: ack.text,
      text: typedSince ? current.text : (ack.yours ?? sent.text),
    };
  }
  if (!typedSince) return null;
  // The user kept typing on top of what was sent: carry those keystrokes over
  // onto the text the server settled on (which differs from `sent` after a merge).
  const merged = merge3(sent.text, ack.text, current.text);
  if (!merged.ok) {
    return { ...current, state: 'conflict', theirs: ack.text, theirsRev: ack.rev, baseRev: ack.rev, baseText: ack.text };
  }
  if (merged.text === ack.text) return null;
  return { ...current, state: 'pending', baseRev: ack.rev, baseText: ack.text, text: merged.text };
}
