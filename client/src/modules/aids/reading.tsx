import { createContext, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { Lang } from '../../../../shared/languages.js';
import { transliterate } from '../../../../shared/translit/index.js';
import { GlossaryProvider } from './glossaryContext.js';

/**
 * Reading option: Kazakh shown in Latin, Uzbek in Cyrillic, for readers of
 * the other script. Display only: the grid shows the converted text in a
 * read-only cell, so nothing converted can ever be saved by typing into it.
 */
export const READING_OPTIONS = [
  { id: 'readKkLatin', lang: 'kk', to: 'Latn' },
  { id: 'readUzCyrillic', lang: 'uz', to: 'Cyrl' },
] as const;
export type ReadingOption = (typeof READING_OPTIONS)[number]['id'];

interface ReadingState {
  on: ReadonlySet<ReadingOption>;
  toggle: (id: ReadingOption) => void;
}

const ReadingContext = createContext<ReadingState>({ on: new Set(), toggle: () => {} });

export function ReadingProvider({ children }: { children: ReactNode }) {
  const [on, setOn] = useState<ReadonlySet<ReadingOption>>(new Set());
  const value = useMemo<ReadingState>(
    () => ({
      on,
      toggle: (id) =>
        setOn((prev) => {
          const next = new Set(prev);
          if (!next.delete(id)) next.add(id);
          return next;
        }),
    }),
    [on],
  );
  return <ReadingContext.Provider value={value}>{children}</ReadingContext.Provider>;
}

export function useReadingOptions(): ReadingState {
  return useContext(ReadingContext);
}

/** The text to show instead of `text` in a `lang` cell, or null to show (and edit) the stored text. */
export function useReadingText(): (text: string, lang: Lang) => string | null {
  const { on } = useContext(ReadingContext);
  return useMemo(() => {
    const active = READING_OPTIONS.filter((o) => on.has(o.id));
    return (text, lang) => {
      const o = active.find((x) => x.lang === lang);
      return o && text ? transliterate(text, lang, o.to) : null;
    };
  }, [on]);
}

/** The editor body (grid + panel) inside the aids' contexts: reading options and the project glossary. */
export function AidsLayout({ children }: { children: ReactNode }) {
  return (
    <ReadingProvider>
      <GlossaryProvider>
        <div className="editor-body">{children}</div>
      </GlossaryProvider>
    </ReadingProvider>
  );
}
