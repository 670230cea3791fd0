import { DEFAULT_SETTINGS } from '../../../shared/index.js';
import type { DocumentState } from '../../../shared/index.js';
import { summarize } from '../services/documents/summary.js';
import type { DocumentStub } from './types.js';

/** What lists, authorisation and the inbox keep of a document that is not in memory (pure: no I/O). */
export function stubOf(doc: DocumentState): DocumentStub {
  const { id, title, sourceLang, targetLangs, createdAt, createdBy } = doc;
  return {
    meta: { id, title, sourceLang, targetLangs: [...targetLangs], createdAt, createdBy },
    settings: { ...(doc.settings ?? DEFAULT_SETTINGS) },
    summary: summarize(doc),
    mentioning: structuredClone((doc.comments ?? []).filter((c) => !c.resolved && c.mentions.length > 0)),
  };
}
