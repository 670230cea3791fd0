import { useCallback, useEffect, useState } from 'react';
import type { PublicUser } from '../../../../../shared/index.js';
import { api } from '../../../api/http.js';
import { settleOpenDocuments } from '../../sync/index.js';

const SETTLE_BEFORE_SIGN_OUT_MS = 3000;

export type Session = { status: 'loading' } | { status: 'anonymous'; ended?: boolean } | { status: 'signedIn'; user: PublicUser };

/** Asks the server who we are (the session cookie is httpOnly, so only it knows). */
export function useSession(): { session: Session; signedIn: (u: PublicUser) => void; signOut: () => Promise<void>; ended: () => void } {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void api.me().then((r) => {
      if (live) setSession(r.ok ? { status: 'signedIn', user: r.data.user } : { status: 'anonymous' });
    });
    return () => {
      live = false;
    };
  }, []);
  const signedIn = useCallback((user: PublicUser) => setSession({ status: 'signedIn', user }), []);
  const signOut = useCallback(async () => {
    // Typing on its way is sent first; what cannot go now stays in this user's outbox for next time.
    await settleOpenDocuments(SETTLE_BEFORE_SIGN_OUT_MS);
    await api.logout();
    setSession({ status: 'anonymous' });
  }, []);
  const ended = useCallback(() => setSession({ status: 'anonymous', ended: true }), []);
  return { session, signedIn, signOut, ended };
}
