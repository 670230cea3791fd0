import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/languages.js';
import type { TmMatch } from '../../../../../shared/protocol/aids.js';
import { canTransliterate, transliterate } from '../../../../../shared/translit/index.js';
import { aidsApi } from '../../../api/aids.js';
import { errorKey } from '../../i18n/index.js';
import { useSyncSelector } from '../../sync/index.js';
import type { DocSync } from '../../sync/index.js';
import { focusCell, isCellEditable, useFocusedCell } from '../hooks/useFocusedCell.js';
import { useProjectGlossary } from '../glossaryContext.js';
import { useLiveChecks } from '../hooks/useLiveChecks.js';
import { useTmMatches } from '../hooks/useTmMatches.js';
import { AidsSidebar } from './AidsSidebar.js';
import type { ScriptAction } from './AidsSidebar.js';
import { Concordance } from './Concordance.js';
import { DocumentChecks } from './DocumentChecks.js';
import { ReadingToggles } from './ReadingToggles.js';
import { ResourcesDialog } from './ResourcesDialog.js';
import '../aids.css';

interface Props {
  sync: DocSync;
  docId: string;
  /** Scrolls to a cell and focuses it (the grid owns scrolling). */
  onJump: (paragraphId: string, lang: Lang) => void;
  /** Out of sight but mounted: its shortcuts keep working. */
  hidden?: boolean;
  /** Whether the user may write `lang` (shared/domain/roles.ts): what they may not do is not offered. Missing: everything. */
  canEdit?: (lang: Lang) => boolean;
}

/**
 * The editor's side panel. Everything it changes goes through the sync
 * engine as an ordinary edit (inserting a match, converting the script), so
 * the outbox, merging and history treat it like typing.
 */
export const AidsPanel = memo(function AidsPanel({ sync, docId, onJump, hidden = false, canEdit = anyLang }: Props) {
  const { t } = useTranslation('aids');
  const { t: tBase } = useTranslation();
  const cell = useFocusedCell();
  useSyncSelector(sync, (s) => s.getLayout());
  const doc = sync.doc;
  const sourceLang = doc?.sourceLang ?? 'en';
  // The panel shows the focused cell only: edits elsewhere in the document do not re-render it.
  const source = useSyncSelector(sync, (s) => (cell ? s.textOf(cell.paragraphId, sourceLang) : ''));
  const target = useSyncSelector(sync, (s) => (cell ? s.textOf(cell.paragraphId, cell.lang) : ''));
  const matches = useTmMatches(docId, cell && cell.lang !== sourceLang ? cell.paragraphId : null, cell?.lang ?? null, source);
  const { terms, glossary, reload: reloadGlossary } = useProjectGlossary();
  const findings = useLiveChecks(source, target, sourceLang, cell?.lang ?? null, glossary);
  const [dialog, setDialog] = useState<'checks' | 'concordance' | 'resources' | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const onInsert = useCallback(
    (m: TmMatch) => {
      if (!cell || !isCellEditable(cell)) return;
      sync.setLocalText(cell.paragraphId, cell.lang, m.targetText);
      focusCell(cell);
    },
    [sync, cell],
  );
  const onConcordance = useCallback(() => setDialog('concordance'), []);

  const scriptActions: ScriptAction[] = [];
  if (cell && target && canEdit(cell.lang)) {
    for (const [id, to] of [
      ['toLatin', 'Latn'],
      ['toCyrillic', 'Cyrl'],
    ] as const) {
      if (!canTransliterate(cell.lang, to)) continue;
      const converted = transliterate(target, cell.lang, to);
      if (converted !== null && converted !== target) {
        scriptActions.push({ id, run: () => isCellEditable(cell) && sync.setLocalText(cell.paragraphId, cell.lang, converted) });
      }
    }
  }

  const writable = doc?.targetLangs.filter(canEdit) ?? [];
  const pretranslate = (): void => {
    setNotice(null);
    void aidsApi
      .pretranslate(docId, writable)
      .then((r) =>
        setNotice(
          r.ok
            ? { ok: true, text: t('pretranslate.done', { count: r.data.filled.length }) }
            : { ok: false, text: t('pretranslate.failed', { reason: tBase(errorKey(r.error.code)) }) },
        ),
      );
  };

  return (
    <aside className="aids-panel" aria-label={t('panel.title')} data-testid="aids-panel" hidden={hidden}>
      <div className="aids-toolbar">
        <button type="button" onClick={() => setDialog('checks')}>
          {t('checks.runDocument')}
        </button>
        <button type="button" onClick={onConcordance} aria-keyshortcuts="Control+Shift+L">
          {t('concordance.open')}
        </button>
        {writable.length > 0 && (
          <button type="button" onClick={pretranslate}>
            {t('pretranslate.button')}
          </button>
        )}
        <button type="button" onClick={() => setDialog('resources')}>
          {t('resources.open')}
        </button>
      </div>
      {doc && <ReadingToggles langs={doc.targetLangs} />}
      {notice && (
        <p role={notice.ok ? 'status' : 'alert'} className={notice.ok ? 'aids-notice' : 'aids-notice aids-error'}>
          {notice.text}
        </p>
      )}
      <AidsSidebar
        cell={cell}
        sourceLang={sourceLang}
        source={source}
        matches={matches}
        terms={terms}
        findings={findings}
        scriptActions={scriptActions}
        onInsert={onInsert}
        onConcordance={onConcordance}
      />
      {dialog === 'checks' && <DocumentChecks docId={docId} onJump={onJump} onClose={() => setDialog(null)} />}
      {dialog === 'resources' && <ResourcesDialog onClose={() => setDialog(null)} onGlossaryChanged={reloadGlossary} />}
      {dialog === 'concordance' && (
        <Concordance initial={window.getSelection()?.toString().trim().slice(0, 200) ?? ''} onClose={() => setDialog(null)} />
      )}
    </aside>
  );
});

const anyLang = (): boolean => true;
