import { useMemo } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import type { Lang } from '../../../../../shared/index.js';
import type { DocSync } from '../../sync/index.js';
import { matchShortcut } from '../../shortcuts/index.js';
import type { EditorGridHandle } from '../components/EditorGrid.js';
import type { RowHandlers } from '../components/GridRow.js';

interface Nav {
  sync: DocSync;
  rows: readonly number[];
  langs: readonly Lang[];
  grid: RefObject<EditorGridHandle | null>;
  onGlobal: (action: 'focusSearch' | 'help') => void;
}

/**
 * Cell callbacks and cell keyboard handling. Stable between renders unless
 * the rows or columns change, so memoised cells are not re-rendered by it.
 */
export function useGridHandlers({ sync, rows, langs, grid, onGlobal }: Nav): RowHandlers {
  return useMemo(() => {
    const posOf = (pid: string): number => rows.findIndex((i) => sync.doc?.paragraphs[i]?.id === pid);
    const pidAt = (pos: number): string | undefined => sync.doc?.paragraphs[rows[pos] ?? -1]?.id;
    const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>, pid: string, lang: Lang): void => {
      const action = matchShortcut(e, true);
      if (!action) return;
      const pos = posOf(pid);
      switch (action) {
        case 'nextParagraph':
        case 'prevParagraph': {
          const next = pos + (action === 'nextParagraph' ? 1 : -1);
          if (next >= 0 && next < rows.length) grid.current?.focusCell(next, lang);
          break;
        }
        case 'nextUntranslated': {
          const doc = sync.doc;
          const target = doc && lang === doc.sourceLang ? (langs.find((l) => l !== doc.sourceLang) ?? lang) : lang;
          for (let p = pos + 1; p < rows.length; p++) {
            const id = pidAt(p);
            if (id && sync.textOf(id, target).trim() === '') {
              grid.current?.focusCell(p, target);
              break;
            }
          }
          break;
        }
        case 'copySource': {
          const src = sync.doc?.sourceLang;
          if (src && src !== lang) sync.setLocalText(pid, lang, sync.textOf(pid, src));
          break;
        }
        case 'submitReview':
        case 'approveNext':
          // Submitting and approving are the review module's (useSubmitShortcut, useApproveShortcut): they wait for the save first.
          break;
        case 'splitParagraph':
        case 'joinParagraph':
        case 'insertParagraph':
        case 'deleteParagraph':
          // Structure edits are the structure module's (useStructure), offered only to those the roles allow.
          break;
        case 'leaveCell':
          grid.current?.focusGrid();
          break;
        case 'focusSearch':
        case 'help':
          onGlobal(action);
          break;
      }
      e.preventDefault();
    };
    return {
      onText: (pid, lang, text) => sync.setLocalText(pid, lang, text),
      onComposition: (pid, lang, phase, text) => {
        if (phase === 'start') sync.compositionStart(pid, lang);
        else sync.compositionEnd(pid, lang, text);
      },
      onFocus: (pid, lang) => sync.setFocus(pid, lang),
      onBlur: () => sync.setFocus(null, null),
      onResolve: (pid, lang, text) => sync.resolveConflict(pid, lang, text),
      onKeepTheirs: (pid, lang) => sync.keepTheirs(pid, lang),
      onDiscard: (pid, lang) => sync.discard(pid, lang),
      onRetry: (pid, lang) => sync.retryNow(pid, lang),
      onKeyDown,
    };
  }, [sync, rows, langs, grid, onGlobal]);
}
