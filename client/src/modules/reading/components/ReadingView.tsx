import { useCallback, useMemo } from 'react';
import type { CSSProperties, ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SCRIPT } from '../../../../../shared/languages.js';
import type { ReaderDocument } from '../../../../../shared/protocol/share.js';
import { READING_CSS } from '../../../../../shared/reading/css.js';
import { standaloneReadingHtml } from '../../../../../shared/reading/html.js';
import type { ReadingLabels } from '../../../../../shared/reading/html.js';
import { buildReadingModel } from '../../../../../shared/reading/model.js';
import type { LatestTexts, ReadingModel } from '../../../../../shared/reading/model.js';
import { uiLangTag } from '../../i18n/index.js';
import type { ReadingPrefs } from '../hooks/useReadingPrefs.js';
import { ReadingGrid } from './ReadingGrid.js';
import { ReadingToolbar } from './ReadingToolbar.js';
import '../reading.css';

interface Props {
  reader: ReaderDocument;
  latest?: LatestTexts;
  prefs: ReadingPrefs;
  onPrefs: (next: ReadingPrefs) => void;
  /** Signed-in readers may switch to the latest drafts; share-link readers never. */
  draftsAllowed: boolean;
  gridRef: RefObject<HTMLDivElement | null>;
  /** Above the title: a banner or the way back to the editor. */
  top?: ReactNode;
  /** Below the toolbar: share-link management for document admins. */
  aside?: ReactNode;
}

export function ReadingView({ reader, latest, prefs, onPrefs, draftsAllowed, gridRef, top, aside }: Props) {
  const { t, i18n } = useTranslation('reading');
  const { t: tBase } = useTranslation();
  const mode = draftsAllowed ? prefs.mode : 'approved';
  const model: ReadingModel = useMemo(
    () => buildReadingModel(reader, { langs: prefs.langs, mode, scripts: prefs.scripts }, latest),
    [reader, prefs.langs, prefs.scripts, mode, latest],
  );
  const labels: ReadingLabels = useMemo(
    () => ({
      columns: model.columns.map((c) =>
        c.script === DEFAULT_SCRIPT[c.lang]
          ? tBase(`langs.${c.lang}`)
          : t('grid.columnScript', {
              lang: tBase(`langs.${c.lang}`),
              script: t(c.script === 'Latn' ? 'toolbar.latin' : 'toolbar.cyrillic'),
            }),
      ),
      draft: t('grid.draft'),
      missing: t('grid.missing'),
      grid: t('grid.label'),
      uiLang: uiLangTag(i18n.language),
    }),
    [model.columns, t, tBase, i18n.language],
  );

  const download = useCallback(() => {
    // Built from the very model and labels on screen, so the file shows what the reader sees.
    const blob = new Blob([standaloneReadingHtml(model, labels)], { type: 'text/html;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${model.title.replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, '_').slice(0, 100) || 'document'}.html`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, [model, labels]);

  return (
    <main id="main" className="reading-screen">
      <style>{READING_CSS}</style>
      {top}
      <ReadingToolbar
        docLangs={reader.langs}
        shown={model.columns.map((c) => c.lang)}
        prefs={prefs}
        onChange={onPrefs}
        draftsAllowed={draftsAllowed}
        onPrint={() => window.print()}
        onDownload={download}
      />
      {aside}
      <article className="reading" style={{ '--reading-cols': model.columns.length } as CSSProperties} data-mode={mode}>
        <h1 className="reading-title">{model.title}</h1>
        <ReadingGrid ref={gridRef} model={model} labels={labels} />
      </article>
    </main>
  );
}
