import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReaderDocument } from '../../../../../shared/protocol/share.js';
import { withReaderText } from '../../../../../shared/reading/model.js';
import { connectPublicReader } from '../../../api/publicReader.js';
import { errorKey } from '../../i18n/index.js';
import { readingApi } from '../api.js';
import { useReadingPrefs } from '../hooks/useReadingPrefs.js';
import { useScrollAnchor } from '../hooks/useScrollAnchor.js';
import { ReadingView } from './ReadingView.js';

type State =
  | { status: 'loading' }
  | { status: 'ended' }
  | { status: 'error'; code: string }
  | { status: 'ready'; reader: ReaderDocument; version: number };

/**
 * `#/share/<token>`: the reading view without an account, approved text only
 * (the server sends nothing else). Updates arrive per cell and are applied in
 * place; a structural change refetches the whole document.
 */
export function SharedReadingScreen({ token }: { token: string }) {
  const { t } = useTranslation('reading');
  const { t: tBase } = useTranslation();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [prefs, setPrefs] = useReadingPrefs();
  const gridRef = useRef<HTMLDivElement>(null);
  const anchor = useScrollAnchor(gridRef, state.status === 'ready' ? state.version : 0);

  const load = useCallback(async () => {
    const r = await readingApi.publicDocument(token);
    anchor.capture();
    if (r.ok) setState((s) => ({ status: 'ready', reader: r.data.document, version: (s.status === 'ready' ? s.version : 0) + 1 }));
    else setState(r.error.code === 'not_found' ? { status: 'ended' } : { status: 'error', code: r.error.code });
  }, [token, anchor]);

  useEffect(() => {
    void load();
    return connectPublicReader(token, {
      onCell: (u) => {
        anchor.capture();
        setState((s) =>
          s.status === 'ready'
            ? { status: 'ready', reader: withReaderText(s.reader, u.paragraphId, u.lang, u.text), version: s.version + 1 }
            : s,
        );
      },
      onStale: () => void load(),
      onEnded: () => setState({ status: 'ended' }),
    });
  }, [token, load, anchor]);

  useEffect(() => {
    if (state.status === 'ready') document.title = `${state.reader.title} · ${tBase('app.name')}`;
  }, [state, tBase]);

  if (state.status === 'loading')
    return (
      <main id="main">
        <p role="status">{t('public.loading')}</p>
      </main>
    );
  if (state.status === 'ended')
    return (
      <main id="main">
        <p role="alert" className="notice" data-testid="share-ended">
          {t('public.ended')}
        </p>
      </main>
    );
  if (state.status === 'error')
    return (
      <main id="main">
        <p role="alert" className="error">
          {tBase(errorKey(state.code))}
        </p>
      </main>
    );
  return (
    <ReadingView
      reader={state.reader}
      prefs={prefs}
      onPrefs={setPrefs}
      draftsAllowed={false}
      gridRef={gridRef}
      top={<p className="reading-banner muted">{t('public.banner')}</p>}
    />
  );
}
