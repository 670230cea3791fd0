import type { GlossaryTermBody } from '../../../shared/protocol/aids.js';
import { request } from './http.js';

/** The project glossary's REST routes (shared/protocol/aids.ts), for the glossary screen. */
export const glossaryApi = {
  list: () => request('GET /api/glossary'),
  create: (body: GlossaryTermBody) => request('POST /api/glossary', { body }),
  update: (termId: string, body: GlossaryTermBody) => request('PUT /api/glossary/:termId', { params: { termId }, body }),
  remove: (termId: string) => request('DELETE /api/glossary/:termId', { params: { termId } }),
};

export type GlossaryApi = typeof glossaryApi;
