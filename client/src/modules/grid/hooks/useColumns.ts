import { useCallback, useMemo, useState } from 'react';
import { isLang } from '../../../../../shared/languages.js';
import type { Lang } from '../../../../../shared/index.js';

const key = (userId: string): string => `anor.columns:${userId}`;

function read(userId: string): Lang[] | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key(userId)) ?? 'null');
    return Array.isArray(v) ? v.filter(isLang) : null;
  } catch {
    return null;
  }
}

/**
 * The target columns a user wants to see. Remembered per user (not per
 * document): a Kazakh translator wants Kazakh in every document. A document
 * that has none of the remembered languages shows all its targets.
 */
export function useColumns(userId: string, targets: readonly Lang[]): { shown: Lang[]; toggle: (l: Lang) => void } {
  const [pref, setPref] = useState<Lang[] | null>(() => read(userId));
  const shown = useMemo(() => {
    const chosen = pref ? targets.filter((l) => pref.includes(l)) : [];
    return chosen.length > 0 ? chosen : [...targets];
  }, [pref, targets]);
  const toggle = useCallback(
    (l: Lang) => {
      const next = shown.includes(l) ? shown.filter((x) => x !== l) : [...shown, l];
      if (next.length === 0) return; // at least one column stays
      // Keep remembered languages this document lacks, so other documents keep them.
      const merged = [...new Set([...(pref ?? []).filter((x) => !targets.includes(x)), ...next])];
      localStorage.setItem(key(userId), JSON.stringify(merged));
      setPref(merged);
    },
    [shown, pref, targets, userId],
  );
  return { shown, toggle };
}
