import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareLinkDto } from '../../../../../shared/protocol/share.js';
import { dateFormatter, errorKey } from '../../i18n/index.js';
import { readingApi } from '../api.js';

/** The page a share token opens; the token is in the hash, which browsers never send to a server. */
export function shareUrl(token: string): string {
  return `${location.origin}${location.pathname}#/share/${token}`;
}

/**
 * Document admins: make, list and revoke read-only links. A new link's URL
 * is shown once (the server keeps only a hash of its token); afterwards the
 * list names links by creation and expiry date.
 */
export function ShareLinksPanel({ docId }: { docId: string }) {
  const { t, i18n } = useTranslation('reading');
  const { t: tBase } = useTranslation();
  const [links, setLinks] = useState<ShareLinkDto[]>([]);
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const date = dateFormatter(i18n.language, { dateStyle: 'medium' });

  // Expired links stay listed (and revocable) until someone removes them; they just no longer open.
  const expiryText = (at: string | null): string => {
    if (at === null) return t('share.never');
    const when = { date: date.format(new Date(at)) };
    return Date.parse(at) <= Date.now() ? t('share.expiredOn', when) : t('share.expiresOn', when);
  };

  const refresh = useCallback(async () => {
    const r = await readingApi.shares(docId);
    if (r.ok) setLinks(r.data.shares);
    else setError(r.error.code);
  }, [docId]);
  useEffect(() => void refresh(), [refresh]);

  const create = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    // A date input gives a day; the link works until the end of that day where the admin is.
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).toISOString() : null;
    const r = await readingApi.createShare(docId, { expiresAt });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.code);
      return;
    }
    setCreated(shareUrl(r.data.token));
    setCopied(false);
    setExpires('');
    await refresh();
  };

  const revoke = async (id: string): Promise<void> => {
    const r = await readingApi.revokeShare(docId, id);
    if (!r.ok) setError(r.error.code);
    await refresh();
  };

  return (
    <section className="share-panel" aria-labelledby="share-panel-title">
      <h2 id="share-panel-title">{t('share.title')}</h2>
      <p className="muted">{t('share.hint')}</p>
      <div className="share-create">
        <label>
          {t('share.expires')}
          <input type="date" value={expires} onChange={(e) => setExpires(e.target.value)} data-testid="share-expires" />
        </label>
        <button type="button" onClick={() => void create()} disabled={busy} data-testid="share-create">
          {t('share.create')}
        </button>
      </div>
      {created && (
        <div className="share-created" role="status">
          <p>{t('share.created')}</p>
          <input
            type="text"
            readOnly
            value={created}
            aria-label={t('share.copy')}
            data-testid="share-url"
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            onClick={() =>
              void navigator.clipboard?.writeText(created).then(
                () => setCopied(true),
                () => setCopied(false),
              )
            }
          >
            {copied ? t('share.copied') : t('share.copy')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {tBase(errorKey(error))}
        </p>
      )}
      <p className="muted">{links.length === 0 ? t('share.none') : t('share.count', { count: links.length })}</p>
      <ul className="share-list">
        {links.map((l) => (
          <li key={l.id} data-testid="share-link">
            <span>{t('share.createdOn', { date: date.format(new Date(l.createdAt)) })}</span>
            {' · '}
            <span>{expiryText(l.expiresAt)}</span>
            <button type="button" onClick={() => void revoke(l.id)} data-testid="share-revoke">
              {t('share.revoke')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
