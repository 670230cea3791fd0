import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import type { Lang } from '../../../../shared/languages.js';
import type { GlossaryTermDto } from '../../../../shared/protocol/aids.js';
import { runChecks } from '../../../../shared/qa/run.js';
import type { Glossary } from '../../../../shared/qa/types.js';
import { useGlossary } from './hooks/useGlossary.js';

interface GlossaryState {
  terms: GlossaryTermDto[];
  glossary: Glossary;
  reload: () => void;
}

const GlossaryContext = createContext<GlossaryState>({ terms: [], glossary: { terms: [] }, reload: () => {} });

/** One copy of the project glossary for the panel and the grid's per-cell finding badges. */
export function GlossaryProvider({ children }: { children: ReactNode }) {
  const { terms, reload } = useGlossary();
  const value = useMemo<GlossaryState>(() => ({ terms, glossary: { terms }, reload }), [terms, reload]);
  return <GlossaryContext.Provider value={value}>{children}</GlossaryContext.Provider>;
}

export function useProjectGlossary(): GlossaryState {
  return useContext(GlossaryContext);
}

export interface FindingCount {
  count: number;
  errors: number;
}

const NONE: FindingCount = { count: 0, errors: 0 };
/** Cells remembered per glossary; a screenful is a few dozen, edits add one entry per keystroke. */
const CACHE_LIMIT = 2000;

/**
 * Finding counts for grid cells, from the shared engine with the project
 * glossary. Memoised by text, so re-rendering a row for someone else's edit
 * costs a map lookup; the cache starts over when the glossary changes.
 */
export function useCellFindings(): (source: string, target: string, sourceLang: Lang, lang: Lang) => FindingCount {
  const { glossary } = useContext(GlossaryContext);
  return useMemo(() => {
    const cache = new Map<string, FindingCount>();
    return (source, target, sourceLang, lang) => {
      if (lang === sourceLang || target.trim() === '') return NONE;
      const key = `${sourceLang}\u0000${lang}\u0000${source}\u0000${target}`;
      let hit = cache.get(key);
      if (!hit) {
        const findings = runChecks({ source, target, sourceLang, targetLang: lang, glossary });
        hit = findings.length === 0 ? NONE : { count: findings.length, errors: findings.filter((f) => f.severity === 'error').length };
        if (cache.size >= CACHE_LIMIT) cache.clear();
        cache.set(key, hit);
      }
      return hit;
    };
  }, [glossary]);
}
