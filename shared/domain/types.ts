import type { Lang } from '../languages.js';
import type { CellComment, DocumentSettings } from './review.js';

/**
 * Cell workflow states. `outdated` is a separate flag, not a status: an approved
 * cell whose source changed is still approved (readers keep seeing it) but needs
 * re-review.
 */
export const CELL_STATUSES = ['empty', 'draft', 'in_review', 'approved', 'changes_requested'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

export interface Cell {
  text: string;
  /** Text revision: 0 for a never-written cell, +1 for every accepted text change. */
  rev: number;
  status: CellStatus;
  outdated: boolean;
  updatedBy: string | null;
  updatedAt: string | null;
  /** The last approved text and its revision; readers see this until a newer one is approved. */
  approvedRev: number | null;
  approvedText: string | null;
}

export interface Paragraph {
  id: string;
  cells: Partial<Record<Lang, Cell>>;
}

/** Why a revision was appended to a cell's history. */
export const REVISION_KINDS = [
  'edit', // a plain edit on the current revision
  'merge', // a stale edit merged three ways with what had happened since
  'conflict', // a stale edit that touched the same span as someone else: kept here, not applied
  'split', // text changed because its paragraph was split
  'join', // text changed because its paragraph was merged with the next
  'import',
  'pretranslate', // filled from a 100% translation-memory match: a draft someone must still review
  'restore',
  'status',
] as const;
export type RevisionKind = (typeof REVISION_KINDS)[number];

export interface Revision {
  /** The cell revision this entry produced (for `conflict`/`status`: the revision it refers to). */
  rev: number;
  text: string;
  author: string;
  at: string;
  kind: RevisionKind;
  status: CellStatus;
  opId: string | null;
}

export interface DocumentMeta {
  id: string;
  title: string;
  sourceLang: Lang;
  targetLangs: Lang[];
  createdAt: string;
  createdBy: string;
}

export interface DocumentState extends DocumentMeta {
  /** Sequence number of the last event applied to this document. */
  seq: number;
  updatedAt: string;
  paragraphs: Paragraph[];
  /** Append-only history, keyed by `cellKey(paragraphId, lang)`. */
  history: Record<string, Revision[]>;
  /** Missing in documents written before review settings existed: DEFAULT_SETTINGS. */
  settings?: DocumentSettings;
  /** Comment threads, oldest first; missing in documents written before comments existed. */
  comments?: CellComment[];
}

export function docLangs(doc: Pick<DocumentMeta, 'sourceLang' | 'targetLangs'>): Lang[] {
  return [doc.sourceLang, ...doc.targetLangs.filter((l) => l !== doc.sourceLang)];
}

export function cellKey(paragraphId: string, lang: Lang): string {
  return `${paragraphId}:${lang}`;
}

export function emptyCell(): Cell {
  return {
    text: '',
    rev: 0,
    status: 'empty',
    outdated: false,
    updatedBy: null,
    updatedAt: null,
    approvedRev: null,
    approvedText: null,
  };
}
