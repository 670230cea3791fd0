import { request } from '../../api/http.js';
import type { CreateShareBody } from '../../../../shared/protocol/share.js';

/** The reading module's REST calls (fetch stays in client/src/api/http.ts). */
export const readingApi = {
  document: (docId: string) => request('GET /api/documents/:docId', { params: { docId } }),
  shares: (docId: string) => request('GET /api/documents/:docId/shares', { params: { docId } }),
  createShare: (docId: string, body: CreateShareBody) => request('POST /api/documents/:docId/shares', { params: { docId }, body }),
  revokeShare: (docId: string, shareId: string) => request('DELETE /api/documents/:docId/shares/:shareId', { params: { docId, shareId } }),
  publicDocument: (token: string) => request('GET /api/public/share/:token', { params: { token } }),
};
