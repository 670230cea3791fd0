import { useEffect, useState } from 'react';
import type { Lang } from '../../../../../shared/languages.js';
import { runChecks } from '../../../../../shared/qa/run.js';
import type { Finding, Glossary } from '../../../../../shared/qa/types.js';

/** Checks wait for a pause in typing: the engine is fast, but a list that redraws on every key is hard to read. */
const DEBOUNCE_MS = 250;

/** The shared QA engine on the focused cell, as it is typed (before it is even saved). */
export function useLiveChecks(source: string, target: string, sourceLang: Lang, targetLang: Lang | null, glossary: Glossary): Finding[] {
  const [findings, setFindings] = useState<Finding[]>([]);
  useEffect(() => {
    if (!targetLang || targetLang === sourceLang || target === '') {
      setFindings([]);
      return;
    }
    const timer = setTimeout(() => setFindings(runChecks({ source, target, sourceLang, targetLang, glossary })), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [source, target, sourceLang, targetLang, glossary]);
  return findings;
}
