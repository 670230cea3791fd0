import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang, PublicUser } from '../../../../../shared/index.js';
import { reviewTransportOf } from '../../../api/review.js';
import { useFocusedCell } from '../../aids/hooks/useFocusedCell.js';
import { errorKey } from '../../i18n/index.js';
import { SHORTCUTS } from '../../shortcuts/index.js';
import type { StructureAction } from '../../shortcuts/index.js';
import type { DocSync, SyncTransport } from '../../sync/index.js';
import { useStructure } from '../hooks/useStructure.js';
import '../structure.css';

const ACTIONS: readonly StructureAction[] = ['splitParagraph', 'joinParagraph', 'insertParagraph', 'deleteParagraph'];

const keysOf = (id: StructureAction): string => SHORTCUTS.find((s) => s.id === id)?.keys.join('+') ?? '';

interface Props {
  sync: DocSync;
  user: PublicUser;
  transport: SyncTransport;
  onJump: (paragraphId: string, lang: Lang) => void;
}

/**
 * The toolbar's "Paragraph" menu: the structure edits for the cell the caret
 * is (or was last) in, with their shortcuts, and after each an Undo. Not
 * shown to users without a role in the source language.
 */
export function ParagraphMenu({ sync, user, transport, onJump }: Props) {
  const { t } = useTranslation();
  const focused = useFocusedCell();
  const structure = useStructure(sync, user, reviewTransportOf(transport), onJump);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  // A click anywhere else closes the menu, as menus do.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (!(e.target instanceof Node) || !menu.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, [open]);
  if (!structure.allowed) return null;
  const number = focused ? (sync.doc?.paragraphs.findIndex((p) => p.id === focused.paragraphId) ?? -1) + 1 : 0;

  const act = (action: StructureAction): void => {
    setOpen(false);
    if (!focused) return;
    const el = document.querySelector<HTMLTextAreaElement>(`textarea[data-cell="${CSS.escape(`${focused.paragraphId}:${focused.lang}`)}"]`);
    void structure.run(action, { ...focused, caret: el?.selectionStart ?? 0 });
  };

  return (
    <div className="paragraph-menu" ref={menu}>
      <details
        open={open}
        onToggle={(e) => setOpen(e.currentTarget.open)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            e.stopPropagation();
            setOpen(false);
          }
        }}
      >
        <summary>{t('structure.menu')}</summary>
        <div className="paragraph-menu-items" role="group" aria-label={t('structure.menu')}>
          {number === 0 ? <p className="muted">{t('structure.noCell')}</p> : <p className="muted">{t('structure.which', { n: number })}</p>}
          {ACTIONS.map((a) => (
            <button
              key={a}
              type="button"
              disabled={number === 0 || structure.busy}
              onClick={() => act(a)}
              aria-keyshortcuts={keysOf(a).replaceAll('Ctrl', 'Control')}
            >
              {t(`shortcuts.${a}`)} <kbd>{keysOf(a)}</kbd>
            </button>
          ))}
        </div>
      </details>
      {structure.last && (
        <p role="status" className="structure-done" data-testid="structure-done">
          {t(`structure.done.${structure.last.kind}`)}{' '}
          <button type="button" disabled={structure.busy} onClick={() => void structure.undo()}>
            {t('structure.undo')}
          </button>
        </p>
      )}
      {structure.error && (
        <p role="alert" className="error">
          {'local' in structure.error ? t(`structure.error.${structure.error.local}`) : t(errorKey(structure.error.code))}
        </p>
      )}
    </div>
  );
}
