import { useCallback, useState } from 'react';
import { LANGS } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/languages.js';
import type { ReadingMode } from '../../../../../shared/reading/model.js';
import type { TranslitScript } from '../../../../../shared/translit/index.js';

export interface ReadingPrefs {
  /** Languages the reader wants, in any order; the view keeps those the document has (pickLangs). */
  langs: Lang[];
  mode: ReadingMode;
  scripts: Partial<Record<Lang, TranslitScript>>;
}

const KEY = 'anor.reading.v1';

function load(): ReadingPrefs {
  const fallback: ReadingPrefs = { langs: [...LANGS], mode: 'approved', scripts: {} };
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return fallback;
    const r = raw as Partial<ReadingPrefs>;
    const langs = Array.isArray(r.langs) ? r.langs.filter((l): l is Lang => (LANGS as readonly string[]).includes(l)) : fallback.langs;
    const scripts: ReadingPrefs['scripts'] = {};
    if (r.scripts?.kk === 'Latn') scripts.kk = 'Latn';
    if (r.scripts?.uz === 'Cyrl') scripts.uz = 'Cyrl';
    // Drafts are never remembered: the default view is what was approved.
    return { langs, mode: 'approved', scripts };
  } catch {
    return fallback;
  }
}

/**
 * Reading choices, remembered per browser (not per document): a Kazakh reader
 * who prefers Latin script wants it everywhere. Share-link readers get the
 * same memory without an account.
 */
export function useReadingPrefs(): [ReadingPrefs, (next: ReadingPrefs) => void] {
  const [prefs, setPrefs] = useState(load);
  const update = useCallback((next: ReadingPrefs) => {
    setPrefs(next);
    try {
      localStorage.setItem(KEY, JSON.stringify({ langs: next.langs, scripts: next.scripts }));
    } catch {
      // Storage full or disabled: the choice still holds for this page.
    }
  }, []);
  return [prefs, update];
}
