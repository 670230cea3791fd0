import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../../../shared/languages.js';
import type { PublicUser } from '../../../../../shared/protocol/dto.js';
import { toReaderDocument } from '../../../../../shared/reading/reader.js';
import type { LatestTexts } from '../../../../../shared/reading/model.js';
import { errorKey } from '../../i18n/index.js';
import { useKeyedMemo } from '../../sync/index.js';
import type { SyncTransport } from '../../sync/index.js';
import { useLiveDocument } from '../hooks/useLiveDocument.js';
import { useReadingPrefs } from '../hooks/useReadingPrefs.js';
import { useScrollAnchor } from '../hooks/useScrollAnchor.js';
import { ReadingView } from './ReadingView.js';
import { ShareLinksPanel } from './ShareLinksPanel.js';

interface Props {
  docId: string;
  user: PublicUser;
  transport: SyncTransport;
  onSessionEnded: () => void;
}

/**
 * `#/read/<docId>` for people signed in: approved text by default, the latest
 * drafts on request, live over the workbench's own socket. Document admins
 * (global admins and the creator, as the server decides in services/shares.ts)
 * also get the share-link panel.
 */
export function ReadingScreen({ docId, user, transport, onSessionEnded }: Props) {
  const { t } = useTranslation('reading');
  const { t: tBase } = useTranslation();
  const gridRef = useRef<HTMLDivElement>(null);
  const [prefs, setPrefs] = useReadingPrefs();
  const captureRef = useRef<() => void>(() => {});
  const live = useLiveDocument(docId, transport, () => captureRef.current());
  const version = live.status === 'ready' ? live.version : 0;
  const anchor = useScrollAnchor(gridRef, version);
  captureRef.current = () => anchor.capture();

  const doc = live.status === 'ready' ? live.doc : null;
  // `version` stands for every in-place change of the live copy.
  const reader = useKeyedMemo(() => (doc ? toReaderDocument(doc) : null), [doc, version]);
  const latest: LatestTexts | undefined = useKeyedMemo(() => {
    if (!doc || prefs.mode !== 'latest') return undefined;
    return new Map(
      doc.paragraphs.map((p) => [
        p.id,
        Object.fromEntries(Object.entries(p.cells).map(([l, c]) => [l, c.text])) as Partial<Record<Lang, string>>,
      ]),
    );
  }, [doc, version, prefs.mode]);

  useEffect(() => {
    if (doc) document.title = `${doc.title} · ${tBase('app.name')}`;
  }, [doc, tBase]);
  useEffect(() => {
    if (live.status === 'error' && live.code === 'unauthenticated') onSessionEnded();
  }, [live, onSessionEnded]);

  if (live.status === 'loading')
    return (
      <main id="main">
        <p role="status">{t('screen.loading')}</p>
      </main>
    );
  if (live.status === 'error' || !reader || !doc) {
    return (
      <main id="main">
        <p role="alert" className="error">
          {tBase(errorKey(live.status === 'error' ? live.code : 'internal'))}
        </p>
      </main>
    );
  }
  const isDocAdmin = user.isAdmin || (doc.createdBy === user.id && !user.isViewer);
  return (
    <ReadingView
      reader={reader}
      latest={latest}
      prefs={prefs}
      onPrefs={setPrefs}
      draftsAllowed
      gridRef={gridRef}
      top={
        <nav className="reading-nav" aria-label={t('screen.title')}>
          <a href={`#/doc/${encodeURIComponent(docId)}`}>{t('screen.edit')}</a>
          {!live.connected && (
            <span className="notice" role="status">
              {t('screen.offline')}
            </span>
          )}
        </nav>
      }
      aside={isDocAdmin ? <ShareLinksPanel docId={docId} /> : undefined}
    />
  );
}
