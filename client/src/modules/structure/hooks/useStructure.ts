import { useCallback, useEffect, useRef, useState } from 'react';
import { can } from '../../../../../shared/domain/roles.js';
import { docLangs } from '../../../../../shared/domain/types.js';
import type { Lang, PublicUser } from '../../../../../shared/index.js';
import { newOpId } from '../../../api/review.js';
import type { ReviewTransport } from '../../../api/review.js';
import { cellOf } from '../../aids/hooks/useFocusedCell.js';
import { matchShortcut } from '../../shortcuts/index.js';
import type { StructureAction } from '../../shortcuts/index.js';
import type { DocSync } from '../../sync/index.js';
import { splitOffset } from '../history.js';
import { undoOp, until } from '../undo.js';
import type { StructureOp } from '../undo.js';

export interface CellAt {
  paragraphId: string;
  lang: Lang;
  /** The caret, in UTF-16 units of the cell's text (textarea.selectionStart). */
  caret: number;
}

export type LocalRefusal = 'splitInSource' | 'splitAtStart' | 'joinLast';

export interface Structure {
  /** Whether this user may change the paragraph structure at all (a role in the source language). */
  allowed: boolean;
  busy: boolean;
  /** The last edit made here, until it is undone or another is made. */
  last: StructureOp | null;
  /** A local refusal (an i18n key under `structure.error.`) or a server error code. */
  error: { local: LocalRefusal } | { code: string } | null;
  run: (action: StructureAction, at: CellAt) => Promise<void>;
  undo: () => Promise<void>;
}

const wait = (sync: DocSync, ids: readonly string[]): Promise<boolean> => {
  const doc = sync.doc;
  const langs = doc ? docLangs(doc) : [];
  // Unsaved typing in these rows is saved first: the server decides on the texts it has.
  return until(sync, () => ids.every((id) => langs.every((l) => !sync.entryFor(id, l))));
};

/**
 * Split at the caret, join with the next, insert below, delete: the socket's
 * paragraph events, offered only to users with a role in the source language
 * (the server's `paragraph.structure` rule), each with Ctrl+Alt shortcuts in
 * the grid and an undo built from the cells' history (undo.ts).
 */
export function useStructure(
  sync: DocSync,
  user: PublicUser,
  review: ReviewTransport | null,
  onJump: (paragraphId: string, lang: Lang) => void,
): Structure {
  const doc = sync.doc;
  const allowed = review !== null && doc !== null && can(user, 'paragraph.structure', { doc });
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<StructureOp | null>(null);
  const [error, setError] = useState<Structure['error']>(null);
  const busyRef = useRef(false);

  /** Focus a cell once its row is rendered (the event that adds it may follow the ack). */
  const focus = useCallback(
    async (pid: string, lang: Lang): Promise<void> => {
      await until(sync, () => sync.doc?.paragraphs.some((p) => p.id === pid) ?? false);
      for (let i = 0; i < 20; i++) {
        await new Promise((r) => requestAnimationFrame(r));
        onJump(pid, lang);
        if (cellOf(document.activeElement)?.paragraphId === pid) return;
      }
    },
    [sync, onJump],
  );

  const guarded = useCallback(async (work: () => Promise<void>): Promise<void> => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      await work();
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }, []);

  const run = useCallback(
    (action: StructureAction, at: CellAt): Promise<void> =>
      guarded(async () => {
        const d = sync.doc;
        if (!review || !d || !allowed) return;
        const docId = d.id;
        const index = d.paragraphs.findIndex((p) => p.id === at.paragraphId);
        if (index < 0) return;
        const src = d.sourceLang;
        switch (action) {
          case 'splitParagraph': {
            if (at.lang !== src) return setError({ local: 'splitInSource' });
            await wait(sync, [at.paragraphId]);
            const cell = sync.cell(at.paragraphId, src);
            const text = sync.textOf(at.paragraphId, src);
            const offset = splitOffset(text, at.caret);
            if (!cell || offset === null) return setError({ local: 'splitAtStart' });
            const r = await review.send('paragraph:split', {
              docId,
              opId: newOpId(),
              paragraphId: at.paragraphId,
              baseRev: cell.rev,
              offset,
            });
            if (!r.ok) return setError({ code: r.error.code });
            setLast({ kind: 'split', paragraphId: at.paragraphId, newId: r.data.paragraphId, source: text });
            return focus(r.data.paragraphId, src);
          }
          case 'joinParagraph': {
            const next = d.paragraphs[index + 1];
            if (!next) return setError({ local: 'joinLast' });
            await wait(sync, [at.paragraphId, next.id]);
            const r = await review.send('paragraph:join', { docId, opId: newOpId(), paragraphId: at.paragraphId });
            if (!r.ok) return setError({ code: r.error.code });
            setLast({ kind: 'join', paragraphId: at.paragraphId, nextId: next.id });
            return focus(at.paragraphId, at.lang);
          }
          case 'insertParagraph': {
            const r = await review.send('paragraph:insert', { docId, opId: newOpId(), afterId: at.paragraphId, text: '' });
            if (!r.ok) return setError({ code: r.error.code });
            setLast({ kind: 'insert', paragraphId: r.data.paragraphId });
            return focus(r.data.paragraphId, src);
          }
          case 'deleteParagraph': {
            const afterId = d.paragraphs[index - 1]?.id ?? null;
            const neighbour = d.paragraphs[index + 1]?.id ?? afterId;
            const r = await review.send('paragraph:delete', { docId, opId: newOpId(), paragraphId: at.paragraphId });
            if (!r.ok) return setError({ code: r.error.code });
            setLast({ kind: 'delete', paragraphId: at.paragraphId, afterId });
            if (neighbour) return focus(neighbour, at.lang);
          }
        }
      }),
    [sync, review, allowed, guarded, focus],
  );

  const undo = useCallback(
    (): Promise<void> =>
      guarded(async () => {
        const d = sync.doc;
        if (!review || !d || !last) return;
        const r = await undoOp({ sync, user, send: review.send.bind(review) }, d.id, last);
        if (!r.ok) return setError({ code: r.code });
        setLast(null);
        if (r.focus) await focus(r.focus, d.sourceLang);
      }),
    [sync, user, review, last, guarded, focus],
  );

  useEffect(() => {
    if (!allowed) return;
    const onKey = (e: KeyboardEvent): void => {
      const action = matchShortcut(e, true);
      if (action !== 'splitParagraph' && action !== 'joinParagraph' && action !== 'insertParagraph' && action !== 'deleteParagraph') return;
      const at = cellOf(e.target);
      if (!at || !(e.target instanceof HTMLTextAreaElement)) return;
      e.preventDefault();
      void run(action, { ...at, caret: e.target.selectionStart });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [allowed, run]);

  return { allowed, busy, last, error, run, undo };
}
