import { useEffect, useState } from 'react';
import type { Lang } from '../../../../../shared/languages.js';
import type { TmMatch } from '../../../../../shared/protocol/aids.js';
import { aidsApi } from '../../../api/aids.js';

export type MatchesState =
  { state: 'idle' } | { state: 'loading' } | { state: 'ready'; matches: TmMatch[] } | { state: 'error'; code: string };

/** How long focus must rest on a cell before asking: arrowing through rows should not fire a lookup per row. */
const SETTLE_MS = 120;

/** Memory matches for one cell, fetched when the cell (or its source text) changes; stale answers are dropped. */
export function useTmMatches(docId: string, paragraphId: string | null, lang: Lang | null, sourceText: string): MatchesState {
  const [result, setResult] = useState<MatchesState>({ state: 'idle' });
  useEffect(() => {
    if (!paragraphId || !lang) {
      setResult({ state: 'idle' });
      return;
    }
    let live = true;
    setResult({ state: 'loading' });
    const timer = setTimeout(() => {
      void aidsApi.lookup(docId, paragraphId, lang).then((r) => {
        if (!live) return;
        setResult(r.ok ? { state: 'ready', matches: r.data.matches } : { state: 'error', code: r.error.code });
      });
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [docId, paragraphId, lang, sourceText]);
  return result;
}
