import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { docLangs } from '../../../../../shared/domain/types.js';
import type { Lang, PublicUser } from '../../../../../shared/index.js';
import { can } from '../../../../../shared/domain/roles.js';
import { errorKey } from '../../i18n/index.js';
import { AttentionList, useDocSync, useKeyedMemo, useSyncSelector } from '../../sync/index.js';
import type { SyncTransport } from '../../sync/index.js';
import { filterParagraphs, isFiltering, NO_FILTER, SearchBar } from '../../search/index.js';
import type { GridFilter } from '../../search/index.js';
import { isTextField, matchShortcut, ShortcutsDialog } from '../../shortcuts/index.js';
import { AidsLayout, AidsPanel } from '../../aids/index.js';
import { ReviewPanel } from '../../review/index.js';
import { ParagraphMenu } from '../../structure/index.js';
import { useColumns } from '../hooks/useColumns.js';
import { useColumnLayout } from '../hooks/useColumnLayout.js';
import { maxWidthOf } from '../fit.js';
import { usePanels } from '../hooks/usePanels.js';
import { useGridHandlers } from '../hooks/useGridHandlers.js';
import { editingRows } from '../rows.js';
import { EditorGrid } from './EditorGrid.js';
import type { EditorGridHandle } from './EditorGrid.js';
import { EditorToolbar } from './EditorToolbar.js';
import { SideDrawer } from './SideDrawer.js';
import { TargetSwitcher } from './TargetSwitcher.js';
import '../layout.css';

interface Props {
  docId: string;
  user: PublicUser;
  transport: SyncTransport;
  onSessionEnded: () => void;
  /** A cell to scroll to and put the caret in once the document is there (a mention's link). */
  openCell?: { paragraphId: string; lang: Lang } | undefined;
}

export function EditorScreen({ docId, user, transport, onSessionEnded, openCell }: Props) {
  const { t } = useTranslation();
  const sync = useDocSync(docId, user.id, transport);
  const doc = sync.doc;
  const grid = useRef<EditorGridHandle>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const [help, setHelp] = useState(false);
  const [attention, setAttention] = useState(false);
  const [filter, setFilter] = useState<GridFilter>(NO_FILTER);
  const deferredFilter = useDeferredValue(filter);
  const [matchPos, setMatchPos] = useState(-1);
  // The row the caret is in stays on screen while a filter is on (filterParagraphs' `editing`).
  const [focusedRow, setFocusedRow] = useState<string | null>(null);
  const targets = useMemo(() => doc?.targetLangs ?? [], [doc?.targetLangs]);
  const { shown, toggle } = useColumns(user.id, targets);
  const { panelsShown, togglePanels } = usePanels(user.id);
  const langs = useMemo(() => (doc ? [doc.sourceLang, ...shown] : []), [doc, shown]);
  // The grid shows the wanted columns that fit at a readable width; the switcher picks among the rest.
  const columns = useColumnLayout(doc?.sourceLang ?? 'en', shown);
  const { fit, available, reveal, setWidth } = columns;
  const gridLangs = useMemo(() => (doc ? [doc.sourceLang, ...fit.visible] : []), [doc, fit.visible]);
  const resize = useMemo(
    () => ({ max: () => maxWidthOf(available ?? Number.MAX_SAFE_INTEGER), onResize: setWidth }),
    [available, setWidth],
  );
  // The screen re-renders on layout changes (useDocSync); while a filter is on, every edit may change the matches.
  const layout = sync.getLayout();
  const filtering = isFiltering(deferredFilter);
  const version = useSyncSelector(sync, (s) => (filtering ? s.getVersion() : 0));

  useEffect(() => {
    if (doc) document.title = `${doc.title} · ${t('app.name')}`;
  }, [doc, t]);

  useEffect(() => {
    if (sync.state === 'unauthenticated') onSessionEnded();
  }, [sync.state, onSessionEnded]);

  const computed = useKeyedMemo(() => {
    if (!doc) return [];
    if (!filtering) return doc.paragraphs.map((_, i) => i);
    return filterParagraphs(doc, deferredFilter, {
      shownLangs: langs,
      userId: user.id,
      textOf: (p, l) => sync.textOf(p, l),
      editing: editingRows(sync, focusedRow),
    });
    // `layout` and `version` stand for changes inside the engine (the document is updated in place).
  }, [doc, filtering, deferredFilter, langs, user.id, sync, layout, version, focusedRow]);
  // Same matches, same array: the row handlers and memoised rows then stay as they are.
  const rows = useStableRows(computed);
  const rowsRef = useRef(rows);
  rowsRef.current = rows;

  const onGlobal = useCallback((a: 'focusSearch' | 'help') => {
    if (a === 'help') setHelp(true);
    else searchRef.current?.focus();
  }, []);
  const canEditLang = useCallback((lang: Lang) => can(user, 'cell.edit', { lang }), [user]);
  const gridHandlers = useGridHandlers({ sync, rows, langs: gridLangs, grid, onGlobal });
  // Columns the user holds no role in are shown read-only (the server refuses such edits anyway).
  const handlers = useMemo(
    () => ({
      ...gridHandlers,
      onFocus: (pid: string, lang: Lang) => {
        setFocusedRow(pid);
        gridHandlers.onFocus(pid, lang);
      },
      onBlur: () => {
        // Only once the focus has settled: moving to another cell of the same row must not drop the row in between.
        setTimeout(() => {
          if (!document.activeElement?.matches('textarea[data-cell]')) setFocusedRow(null);
        }, 0);
        gridHandlers.onBlur();
      },
      canEdit: canEditLang,
    }),
    [gridHandlers, canEditLang],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (help || e.defaultPrevented) return;
      const a = matchShortcut(e, isTextField(e.target));
      if (a === 'focusSearch' || a === 'help') {
        e.preventDefault();
        onGlobal(a);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [help, onGlobal]);

  // Stable, so the memoised side panels are not re-rendered by a new arrow on every render.
  const focusAt = useCallback(
    (pos: number, lang: Lang): void => {
      // A column off screen comes on first; the grid waits a few frames for the cell to appear.
      if (lang !== sync.doc?.sourceLang) reveal(lang);
      grid.current?.focusCell(pos, lang);
    },
    [sync, reveal],
  );
  const onJump = useCallback(
    (pid: string, lang: Lang): void => {
      const pos = rowsRef.current.findIndex((i) => sync.doc?.paragraphs[i]?.id === pid);
      focusAt(pos, lang);
    },
    [sync, focusAt],
  );

  const loaded = doc !== null;
  const openPid = openCell?.paragraphId;
  const openLang = openCell?.lang;
  useEffect(() => {
    if (loaded && openPid && openLang) onJump(openPid, openLang);
  }, [loaded, openPid, openLang, onJump]);

  const jump = (delta: 1 | -1): void => {
    if (rows.length === 0) return;
    const next = (matchPos + delta + rows.length) % rows.length;
    setMatchPos(next);
    const lang = filter.lang !== 'all' ? filter.lang : (shown[0] ?? doc?.sourceLang);
    if (lang) focusAt(next, lang);
  };

  if (sync.state !== 'ready' && sync.state !== 'loading' && sync.state !== 'unauthenticated') {
    const code = sync.state.error;
    return (
      <main id="main" className="editor">
        <p role="alert" className="error">
          {code === 'document_not_found' ? t('grid.notFound') : t(errorKey(code))}
        </p>
        <a href="#/">{t('grid.toolbar.back')}</a>
      </main>
    );
  }

  return (
    <main id="main" className="editor">
      <EditorToolbar
        doc={doc}
        user={user}
        sync={sync}
        shown={shown}
        onToggleColumn={toggle}
        attention={attention}
        onToggleAttention={() => setAttention((v) => !v)}
        panelsShown={panelsShown}
        onTogglePanels={togglePanels}
        onHelp={() => setHelp(true)}
      >
        {doc && <ParagraphMenu sync={sync} user={user} transport={transport} onJump={onJump} />}
      </EditorToolbar>
      {doc && (
        <SearchBar
          ref={searchRef}
          filter={filter}
          langs={docLangs(doc).filter((l) => langs.includes(l))}
          count={filtering && deferredFilter === filter ? rows.length : null}
          onChange={(f) => {
            setFilter(f);
            setMatchPos(-1);
          }}
          onNext={() => jump(1)}
          onPrev={() => jump(-1)}
        />
      )}
      {attention && doc && (
        <AttentionList
          sync={sync}
          onGoTo={(pid, lang) => {
            const pos = rows.indexOf(doc.paragraphs.findIndex((p) => p.id === pid));
            // A cell hidden by the filters: clear them; the user then goes there with the rows all shown.
            if (pos >= 0) focusAt(pos, lang);
            else setFilter(NO_FILTER);
          }}
        />
      )}
      {!doc && (
        <p className="loading" role="status">
          {t('grid.loading')}
        </p>
      )}
      {doc && (
        <AidsLayout>
          <div className="grid-box">
            {fit.switcher && <TargetSwitcher targets={shown} visible={fit.visible} onShow={reveal} compact={fit.stacked} />}
            <EditorGrid
              ref={grid}
              sync={sync}
              rows={rows}
              langs={gridLangs}
              handlers={handlers}
              columns={fit}
              resize={resize}
              measure={columns.measure}
            />
          </div>
          <SideDrawer open={panelsShown} onClose={togglePanels}>
            <AidsPanel sync={sync} docId={docId} onJump={onJump} hidden={!panelsShown} canEdit={canEditLang} />
            <ReviewPanel sync={sync} user={user} transport={transport} onJump={onJump} hidden={!panelsShown} />
          </SideDrawer>
        </AidsLayout>
      )}
      {help && <ShortcutsDialog onClose={() => setHelp(false)} />}
    </main>
  );
}

function useStableRows(next: readonly number[]): readonly number[] {
  const prev = useRef(next);
  const same = prev.current.length === next.length && prev.current.every((v, i) => v === next[i]);
  if (!same) prev.current = next;
  return prev.current;
}
