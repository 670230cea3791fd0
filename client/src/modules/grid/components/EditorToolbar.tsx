import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSnapshot, Lang, PublicUser } from '../../../../../shared/index.js';
import { Collapsible } from '../../../app/Collapsible.js';
import { SyncIndicator } from '../../sync/index.js';
import type { DocSync } from '../../sync/index.js';
import { InterchangeMenu } from '../../interchange/index.js';
import { Icon } from '../../icons/index.js';
import { ColumnPicker } from './ColumnPicker.js';

interface Props {
  doc: DocumentSnapshot | null;
  user: PublicUser;
  sync: DocSync;
  shown: readonly Lang[];
  onToggleColumn: (l: Lang) => void;
  attention: boolean;
  onToggleAttention: () => void;
  panelsShown: boolean;
  onTogglePanels: () => void;
  onHelp: () => void;
  /** More entries for the folding part (the paragraph menu). */
  children?: ReactNode;
}

/**
 * The editor's bar: where you are, whether your text is saved, the side
 * panels; the rest (columns, shortcuts, import and export) folds behind
 * "More" on a phone.
 */
export function EditorToolbar(p: Props) {
  const { t } = useTranslation();
  return (
    <div className="editor-toolbar">
      <a href="#/" className="back" aria-label={t('grid.toolbar.back')}>
        <Icon name="arrowLeft" /> <span className="back-text">{t('grid.toolbar.back')}</span>
      </a>
      <h1 className="doc-title">{p.doc?.title ?? t('grid.loading')}</h1>
      <SyncIndicator sync={p.sync} detailsOpen={p.attention} onToggleDetails={p.onToggleAttention} />
      <button type="button" aria-pressed={p.panelsShown} onClick={p.onTogglePanels}>
        {t('grid.toolbar.panels')}
      </button>
      <Collapsible label={t('grid.toolbar.more')} className="toolbar-more">
        {p.doc && <ColumnPicker targets={p.doc.targetLangs} shown={p.shown} onToggle={p.onToggleColumn} />}
        <button type="button" onClick={p.onHelp} aria-keyshortcuts="?">
          {t('grid.toolbar.help')} <kbd>?</kbd>
        </button>
        {p.doc && <InterchangeMenu doc={p.doc} user={p.user} />}
        {p.children}
      </Collapsible>
    </div>
  );
}
