import { useCallback, useEffect, useState } from 'react';
import type { GlossaryTermDto } from '../../../../../shared/protocol/aids.js';
import { aidsApi } from '../../../api/aids.js';

/**
 * The project glossary, read once per open document (it changes rarely, and
 * only by administrators) and again after an import from this panel.
 */
export function useGlossary(): { terms: GlossaryTermDto[]; reload: () => void } {
  const [terms, setTerms] = useState<GlossaryTermDto[]>([]);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    void aidsApi.glossary().then((r) => {
      if (live && r.ok) setTerms(r.data.terms);
    });
    return () => {
      live = false;
    };
  }, [generation]);
  return { terms, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}
