import type { Cell, Lang } from '../../../../shared/index.js';
import type { KnownCell } from './localEdits.js';

/** What an ack said of a cell, and the document seq whose event carries it. */
export interface AckedText {
  text: string;
  rev: number;
  seq: number;
}

/**
 * Acked text shown until the matching event arrives, so a cell never flickers
 * back: an ack can be ahead of the document this client has.
 */
export class SettledTexts {
  private readonly byKey = new Map<string, AckedText>();

  textOf(key: string): string | undefined {
    return this.byKey.get(key)?.text;
  }

  /** Keeps an ack's text unless the document (at `docSeq`, undefined before the first snapshot) has its event already. */
  noteAck(key: string, ack: AckedText, docSeq: number | undefined): void {
    if (docSeq === undefined || docSeq < ack.seq) this.byKey.set(key, { text: ack.text, rev: ack.rev, seq: ack.seq });
  }

  /** The document reached `seq`: the acks it holds now show through it. */
  caughtUp(seq: number): void {
    for (const [k, s] of this.byKey) if (s.seq <= seq) this.byKey.delete(k);
  }

  /** A snapshot replaced the document: it holds every ack there was. */
  clear(): void {
    this.byKey.clear();
  }

  /** The newest revision of a cell this client knows (an ack may be ahead of the document's `cell`) and its text. */
  known(key: string, where: { docId: string; paragraphId: string; lang: Lang }, cell: Cell | undefined): KnownCell {
    const acked = this.byKey.get(key);
    return { ...where, rev: acked?.rev ?? cell?.rev ?? 0, text: acked?.text ?? cell?.text ?? '' };
  }
}
