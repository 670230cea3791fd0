import { useEffect, useState } from 'react';
import type { DocumentSummary } from '../../../../../shared/index.js';
import { api } from '../../../api/http.js';
import type { AnyErrorCode } from '../../sync/index.js';

export type DocumentsState =
  { status: 'loading' } | { status: 'error'; code: AnyErrorCode } | { status: 'ready'; documents: DocumentSummary[] };

export function useDocuments(): DocumentsState {
  const [state, setState] = useState<DocumentsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void api.listDocuments().then((r) => {
      if (!live) return;
      setState(r.ok ? { status: 'ready', documents: r.data.documents } : { status: 'error', code: r.error.code });
    });
    return () => {
      live = false;
    };
  }, []);
  return state;
}
