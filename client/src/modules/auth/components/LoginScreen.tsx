import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../../../shared/index.js';
import { api } from '../../../api/http.js';
import { errorKey } from '../../i18n/index.js';

export function LoginScreen({ onSignedIn, sessionEnded }: { onSignedIn: (u: PublicUser) => void; sessionEnded?: boolean }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const r = await api.login(username, password);
    setBusy(false);
    if (r.ok) onSignedIn(r.data.user);
    else setError(r.error.code);
  }

  return (
    <main id="main" className="login">
      <form className="card login-form" onSubmit={(e) => void submit(e)} aria-labelledby="login-title">
        <h1 id="login-title">{t('auth.login.title')}</h1>
        {sessionEnded && <p className="notice">{t('auth.session.ended')}</p>}
        <label>
          {t('auth.login.username')}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            autoFocus
          />
        </label>
        <label>
          {t('auth.login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {t(errorKey(error))}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('auth.login.submitting') : t('auth.login.submit')}
        </button>
      </form>
    </main>
  );
}
