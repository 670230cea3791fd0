import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { SocketTransport } from '../api/socket.js';
import { LoginScreen, useSession } from '../modules/auth/index.js';
import { DocumentList, NewDocument } from '../modules/documents/index.js';
import { EditorScreen } from '../modules/grid/index.js';
import { GlossaryScreen } from '../modules/glossary/index.js';
import { ReadingScreen, SharedReadingScreen } from '../modules/reading/index.js';
import { AccountScreen, Notifications, UsersScreen } from '../modules/review/index.js';
import { can } from '../../../shared/domain/roles.js';
import { AppHeader } from './AppHeader.js';
import { navigate, useRoute } from './route.js';
import { useBackgroundFlush } from '../modules/sync/index.js';
import type { SyncTransport } from '../modules/sync/index.js';

/** Socket per signed-in user; `createTransport` is injectable so component tests can use another. */
export function App({ createTransport = () => new SocketTransport() }: { createTransport?: () => SyncTransport & { close?: () => void } }) {
  const { t } = useTranslation();
  const { session, signedIn, signOut, ended } = useSession();
  const route = useRoute();
  const userId = session.status === 'signedIn' ? session.user.id : null;
  // One connection per signed-in user: the factory is read once so a re-render never reconnects.
  const factory = useRef(createTransport);
  const transport = useMemo(() => (userId ? factory.current() : null), [userId]);
  useEffect(() => () => transport?.close?.(), [transport]);
  useBackgroundFlush(transport, userId, route.name === 'doc' ? route.docId : null);

  return (
    <div className="app">
      {/* Not a plain #main link: the hash is the route here. */}
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          e.preventDefault();
          const main = document.getElementById('main');
          main?.setAttribute('tabindex', '-1');
          main?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppHeader user={session.status === 'signedIn' ? session.user : null} route={route} onSignOut={() => void signOut()} />
      {/* A share link reads without an account, whoever (if anyone) is signed in. */}
      {route.name === 'share' && <SharedReadingScreen key={route.token} token={route.token} />}
      {route.name !== 'share' && session.status === 'loading' && <main id="main" />}
      {route.name !== 'share' && session.status === 'anonymous' && <LoginScreen onSignedIn={signedIn} sessionEnded={session.ended} />}
      {route.name !== 'share' && session.status === 'signedIn' && transport && (
        <>
          {route.name === 'list' && <DocumentList onUnauthenticated={ended} canCreate={can(session.user, 'document.create')} />}
          {route.name === 'new' && <NewDocument onCreated={(id) => navigate(`#/doc/${encodeURIComponent(id)}`)} />}
          {route.name === 'users' && session.user.isAdmin && <UsersScreen me={session.user} />}
          {route.name === 'account' && <AccountScreen />}
          {route.name === 'glossary' && <GlossaryScreen user={session.user} />}
          <Notifications transport={transport} userId={session.user.id} />
          {route.name === 'read' && (
            <ReadingScreen
              key={`${route.docId}:${session.user.id}`}
              docId={route.docId}
              user={session.user}
              transport={transport}
              onSessionEnded={ended}
            />
          )}
          {route.name === 'doc' && (
            <EditorScreen
              key={`${route.docId}:${session.user.id}`}
              docId={route.docId}
              openCell={route.cell}
              user={session.user}
              transport={transport}
              onSessionEnded={ended}
            />
          )}
        </>
      )}
    </div>
  );
}
