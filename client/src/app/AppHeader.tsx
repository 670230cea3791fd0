import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../shared/index.js';
import { LanguageSwitcher } from '../modules/i18n/index.js';
import { Collapsible } from './Collapsible.js';
import type { Route } from './route.js';

interface Props {
  user: PublicUser | null;
  route: Route;
  onSignOut: () => void;
}

/** The app bar: brand, then navigation and account; on a phone the latter fold into a menu. */
export function AppHeader({ user, route, onSignOut }: Props) {
  const { t } = useTranslation();
  const { t: tReview } = useTranslation('review');
  const { t: tReading } = useTranslation('reading');
  return (
    <header className="app-header">
      <a href="#/" className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </a>
      <Collapsible label={t('header.menu')} className="header-menu">
        <nav aria-label={t('header.documents')}>
          {user && <a href="#/">{t('header.documents')}</a>}
          {user && route.name === 'doc' && (
            <a href={`#/read/${encodeURIComponent(route.docId)}`} data-testid="open-reading">
              {tReading('screen.open')}
            </a>
          )}
          {user?.isAdmin && <a href="#/users">{tReview('users.link')}</a>}
          {user && <a href="#/glossary">{t('header.glossary')}</a>}
          {user && <a href="#/account">{tReview('account.link')}</a>}
        </nav>
        <div className="header-right">
          <LanguageSwitcher />
          {user && (
            <>
              <span className="muted" data-testid="whoami">
                {t('header.signedInAs', { name: user.displayName })}
              </span>
              <button type="button" onClick={onSignOut}>
                {t('header.signOut')}
              </button>
            </>
          )}
        </div>
      </Collapsible>
    </header>
  );
}
