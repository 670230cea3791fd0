import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reviewApi } from '../../../api/review.js';
import { errorKey } from '../../i18n/index.js';

/** Change one's own password; the server signs out every other session. */
export function AccountScreen() {
  const { t } = useTranslation('review');
  const { t: tBase } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  return (
    <main id="main" className="account-screen">
      <h1>{t('account.title')}</h1>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void reviewApi.changePassword(current, next).then((r) => {
            setMessage(r.ok ? t('account.done') : tBase(errorKey(r.error.code)));
            if (r.ok) {
              setCurrent('');
              setNext('');
            }
          });
        }}
      >
        <label>
          {t('account.current')}{' '}
          <input type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
        </label>
        <label>
          {t('account.new')}{' '}
          <input
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            value={next}
            onChange={(e) => setNext(e.target.value)}
          />
        </label>
        <button type="submit" className="primary">
          {t('account.submit')}
        </button>
      </form>
      {message && <p role="status">{message}</p>}
    </main>
  );
}
