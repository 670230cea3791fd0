import { useEffect, useState } from 'react';
import { isLang } from '../../../shared/languages.js';
import type { Lang } from '../../../shared/languages.js';

export type Route =
  | { name: 'list' }
  | { name: 'new' }
  | { name: 'users' }
  | { name: 'account' }
  | { name: 'glossary' }
  | { name: 'doc'; docId: string; cell?: { paragraphId: string; lang: Lang } }
  | { name: 'read'; docId: string }
  | { name: 'share'; token: string };

/**
 * Hash routes (#/, #/new, #/users, #/account, #/glossary, #/doc/<id>, #/doc/<id>/<paragraphId>/<lang> (a cell to open,
 * e.g. from a mention), #/read/<id>, #/share/<token>): the server serves the app shell at `/`
 * only, so hash routing needs no server-side fallback and works on reload.
 */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/u, '');
  if (path === '/new') return { name: 'new' };
  if (path === '/users') return { name: 'users' };
  if (path === '/account') return { name: 'account' };
  if (path === '/glossary') return { name: 'glossary' };
  const read = /^\/read\/([^/]+)$/u.exec(path);
  if (read?.[1]) return { name: 'read', docId: decodeURIComponent(read[1]) };
  // A share token lives in the hash so that it never reaches a server log or a Referer header.
  const share = /^\/share\/([A-Za-z0-9_-]+)$/u.exec(path);
  if (share?.[1]) return { name: 'share', token: share[1] };
  const m = /^\/doc\/([^/]+)(?:\/([^/]+)\/([^/]+))?$/u.exec(path);
  if (m?.[1]) {
    const docId = decodeURIComponent(m[1]);
    const lang = m[3] ?? '';
    return m[2] && isLang(lang) ? { name: 'doc', docId, cell: { paragraphId: decodeURIComponent(m[2]), lang } } : { name: 'doc', docId };
  }
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

/** The route to one cell of a document: the editor scrolls to it and puts the caret there. */
export function cellHash(docId: string, paragraphId: string, lang: Lang): string {
  return `#/doc/${encodeURIComponent(docId)}/${encodeURIComponent(paragraphId)}/${lang}`;
}

export function navigate(hash: string): void {
  location.hash = hash;
}
