import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGS } from '../../../../../shared/languages.js';
import type { Lang, LangRole, PublicUser } from '../../../../../shared/index.js';
import { reviewApi } from '../../../api/review.js';
import { errorKey } from '../../i18n/index.js';
import { forgetDirectory } from '../hooks/useDirectory.js';

/** Admins: every user with their flags and per-language roles, editable in place; and a form to add one. */
export function UsersScreen({ me }: { me: PublicUser }) {
  const { t } = useTranslation('review');
  const { t: tBase } = useTranslation();
  const [users, setUsers] = useState<PublicUser[] | null>(null);
  // A refusal is an alert, a success a status line: they read (and are announced) differently.
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [form, setForm] = useState({ username: '', displayName: '', password: '' });

  useEffect(() => {
    void reviewApi.users().then((r) => (r.ok ? setUsers(r.data.users) : setMessage({ text: tBase(errorKey(r.error.code)), error: true })));
  }, [tBase]);

  const replace = (u: PublicUser): void => setUsers((prev) => (prev ?? []).map((x) => (x.id === u.id ? u : x)));
  const update = async (u: PublicUser, body: Parameters<typeof reviewApi.updateUser>[1]): Promise<void> => {
    const r = await reviewApi.updateUser(u.id, body);
    if (r.ok) replace(r.data.user);
    setMessage(r.ok ? { text: t('users.saved'), error: false } : { text: tBase(errorKey(r.error.code)), error: true });
  };
  const setRole = (u: PublicUser, lang: Lang, role: LangRole | ''): void => {
    const roles = { ...u.roles };
    if (role === '') delete roles[lang];
    else roles[lang] = role;
    void update(u, { roles });
  };

  return (
    <main id="main" className="users-screen">
      <div className="page-head">
        <h1>{t('users.title')}</h1>
      </div>
      {message &&
        (message.error ? (
          <p role="alert" className="error">
            {message.text}
          </p>
        ) : (
          <p role="status">{message.text}</p>
        ))}
      {!users && <p role="status">{t('users.loading')}</p>}
      {users && (
        <table className="data-table users-table">
          <thead>
            <tr>
              <th scope="col">{t('users.username')}</th>
              <th scope="col">{t('users.admin')}</th>
              <th scope="col">{t('users.viewer')}</th>
              {LANGS.map((l) => (
                <th key={l} scope="col">
                  {tBase(`langs.${l}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-${u.username}`}>
                <th scope="row">
                  {u.displayName} <span className="muted">@{u.username}</span>
                </th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('users.admin')}: ${u.username}`}
                    checked={u.isAdmin}
                    disabled={u.id === me.id}
                    onChange={(e) => void update(u, { isAdmin: e.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`${t('users.viewer')}: ${u.username}`}
                    checked={u.isViewer}
                    onChange={(e) => void update(u, { isViewer: e.target.checked })}
                  />
                </td>
                {LANGS.map((l) => (
                  <td key={l}>
                    <select
                      aria-label={t('users.roleIn', { lang: tBase(`langs.${l}`), name: u.username })}
                      value={u.roles[l] ?? ''}
                      onChange={(e) => setRole(u, l, e.target.value as LangRole | '')}
                    >
                      <option value="">{t('users.role.none')}</option>
                      <option value="translator">{t('users.role.translator')}</option>
                      <option value="reviewer">{t('users.role.reviewer')}</option>
                    </select>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form
        className="users-new card"
        onSubmit={(e) => {
          e.preventDefault();
          void reviewApi
            .createUser({
              username: form.username,
              password: form.password,
              ...(form.displayName ? { displayName: form.displayName } : {}),
            })
            .then((r) => {
              if (r.ok) {
                setUsers((prev) => [...(prev ?? []), r.data.user]);
                setForm({ username: '', displayName: '', password: '' });
                forgetDirectory();
              }
              setMessage(r.ok ? { text: t('users.created'), error: false } : { text: tBase(errorKey(r.error.code)), error: true });
            });
        }}
      >
        <h2>{t('users.create')}</h2>
        <label>
          {t('users.username')} <input value={form.username} required onChange={(e) => setForm({ ...form, username: e.target.value })} />
        </label>
        <label>
          {t('users.displayName')} <input value={form.displayName} onChange={(e) => setForm({ ...form, displayName: e.target.value })} />
        </label>
        <label>
          {t('users.password')}{' '}
          <input
            type="password"
            autoComplete="new-password"
            minLength={8}
            required
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
          />
        </label>
        <button type="submit" className="primary">
          {t('users.create')}
        </button>
      </form>
    </main>
  );
}
