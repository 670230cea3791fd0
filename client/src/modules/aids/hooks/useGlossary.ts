import { useEffect, useState } from 'react';
import type { GlossaryTermDto } from '../../../../../shared/protocol/aids.js';
import { aidsApi } from '../../../api/aids.js';

/** The project glossary, read once per open document (it changes rarely, and only by administrators). */
export function useGlossary(): GlossaryTermDto[] {
  const [terms, setTerms] = useState<GlossaryTermDto[]>([]);
  useEffect(() => {
    let live = true;
    void aidsApi.glossary().then((r) => {
      if (live && r.ok) setTerms(r.data.terms);
    });
    return () => {
      live = false;
    };
  }, []);
  return terms;
}
