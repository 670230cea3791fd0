import { useEffect, useState } from 'react';

export type Route = { name: 'list' } | { name: 'new' } | { name: 'users' } | { name: 'account' } | { name: 'doc'; docId: string };

/**
 * Hash routes (#/, #/new, #/users, #/account, #/doc/<id>): the server serves the app shell at `/`
 * only, so hash routing needs no server-side fallback and works on reload.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/u, '');
  if (path === '/new') return { name: 'new' };
  if (path === '/users') return { name: 'users' };
  if (path === '/account') return { name: 'account' };
  const m = /^\/doc\/([^/]+)$/u.exec(path);
  if (m?.[1]) return { name: 'doc', docId: decodeURIComponent(m[1]) };
  return { name: 'list' };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = (): void => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return route;
}

export function navigate(hash: string): void {
  location.hash = hash;
}
