import { AppError, DEFAULT_SETTINGS, cellKey, decideTransition, docLangs } from '../index.js';
import type {
  BatchAck,
  CellEditAck,
  CellRestorePayload,
  CommentAck,
  CommentAddPayload,
  CommentResolvePayload,
  DocEventBody,
  DocSettingsPayload,
  DocumentState,
  Lang,
  ReviewAction,
  SeqAck,
} from '../index.js';
import { cellIn, findParagraph, requireLang, textAtRevision } from './decision.js';
import type { Decision } from './decision.js';
import type { Glossary } from '../qa/types.js';
import { blockingIn, revisionAuthor } from './decideStatus.js';
import { checkedKey } from './prechecked.js';
import type { Prechecked } from './prechecked.js';

const seqAck = (_doc: DocumentState, seq: number): SeqAck => ({ seq });

/**
 * An old revision's text comes back as a new revision (kind `restore`, status
 * draft): history only grows. Like a status, it names the revision the person
 * was looking at, so it never silently overwrites text they did not see.
 */
export function decideRestore(doc: DocumentState, input: CellRestorePayload): Decision<CellEditAck> {
  requireLang(doc, input.lang);
  const { p } = findParagraph(doc, input.paragraphId);
  const cell = cellIn(p, input.lang);
  if (input.baseRev !== cell.rev) throw new AppError('bad_revision', `restore on revision ${input.baseRev}, the cell is at ${cell.rev}`);
  const text =
    input.conflictOpId === undefined
      ? textAtRevision(doc, input.paragraphId, input.lang, input.rev)
      : conflictText(doc, input.paragraphId, input.lang, input.rev, input.conflictOpId);
  if (text === undefined || input.rev > cell.rev) throw new AppError('bad_revision', `the cell has no revision ${input.rev}`);
  // `cell` is the live object the reducer is about to change: decide on a copy of its text.
  const unchanged = text === cell.text;
  const finish = (after: DocumentState, seq: number): CellEditAck => {
    const now = cellIn(findParagraph(after, input.paragraphId).p, input.lang);
    return { outcome: unchanged ? 'unchanged' : 'applied', seq, rev: now.rev, text: now.text, status: now.status };
  };
  if (unchanged) return { bodies: [], finish };
  return {
    bodies: [
      {
        type: 'cell.edited',
        paragraphId: input.paragraphId,
        lang: input.lang,
        kind: 'restore',
        text,
        rev: cell.rev + 1,
        status: text === '' ? 'empty' : 'draft',
      },
    ],
    finish,
  };
}

/** The text of the `conflict` revision recorded at `rev` under `opId`, if history has one. */
function conflictText(doc: DocumentState, paragraphId: string, lang: Lang, rev: number, opId: string): string | undefined {
  return (doc.history[cellKey(paragraphId, lang)] ?? []).find((r) => r.kind === 'conflict' && r.rev === rev && r.opId === opId)?.text;
}

/** `mentions` are user ids the caller resolved from `@name`s in the text. */
export function decideComment(doc: DocumentState, input: CommentAddPayload, mentions: string[], commentId: string): Decision<CommentAck> {
  requireLang(doc, input.lang);
  findParagraph(doc, input.paragraphId);
  // The id comes from the opId (opDerivedId): finding it means this is a retry of an applied comment.
  if (doc.comments?.some((c) => c.id === commentId)) return { bodies: [], finish: (_after, seq) => ({ seq, commentId }) };
  return {
    bodies: [{ type: 'comment.added', commentId, paragraphId: input.paragraphId, lang: input.lang, text: input.text, mentions }],
    finish: (_after, seq) => ({ seq, commentId }),
  };
}

export function decideResolve(doc: DocumentState, input: CommentResolvePayload): Decision<SeqAck> {
  const c = doc.comments?.find((x) => x.id === input.commentId);
  if (!c) throw new AppError('not_found', `no comment ${input.commentId} in document ${doc.id}`);
  return {
    bodies: c.resolved === input.resolved ? [] : [{ type: 'comment.resolved', commentId: c.id, resolved: input.resolved }],
    finish: seqAck,
  };
}

export function decideSettings(doc: DocumentState, input: DocSettingsPayload): Decision<SeqAck> {
  const current = doc.settings ?? DEFAULT_SETTINGS;
  if (current.allowSelfApproval === input.allowSelfApproval) return { bodies: [], finish: seqAck };
  return { bodies: [{ type: 'document.settings', settings: { ...current, allowSelfApproval: input.allowSelfApproval } }], finish: seqAck };
}

/**
 * One review step over every cell of a language it applies to, as one
 * operation: `approve` takes the cells in review that the state machine lets
 * this reviewer approve (checks pass, not their own revision unless allowed);
 * `submit` takes drafts and sent-back cells whose current revision the actor
 * wrote. Everything else is reported as skipped, with the reason.
 */
export function decideBatch(
  doc: DocumentState,
  lang: Lang,
  action: Extract<ReviewAction, 'approve' | 'submit'>,
  actor: string,
  glossary?: Glossary,
  /** Blocking counts worked out beforehand (precheck.ts); a cell whose text moved since is checked again here. */
  prechecked?: Prechecked,
): Decision<BatchAck> {
  if (!docLangs(doc).includes(lang)) throw new AppError('language_not_in_document', `document ${doc.id} has no ${lang} column`);
  const bodies: DocEventBody[] = [];
  const skipped: BatchAck['skipped'] = [];
  const from = action === 'approve' ? ['in_review'] : ['draft', 'changes_requested'];
  for (const p of doc.paragraphs) {
    const cell = p.cells[lang];
    if (!cell || !from.includes(cell.status)) continue;
    const author = revisionAuthor(doc, p.id, lang, cell.rev);
    if (action === 'submit' && author !== actor) continue;
    const result = decideTransition({
      cell,
      action,
      rev: cell.rev,
      actor,
      revisionAuthor: author,
      allowSelfApproval: (doc.settings ?? DEFAULT_SETTINGS).allowSelfApproval,
      blockingFindings: action === 'approve' ? (prechecked?.get(checkedKey(doc, p, lang)) ?? blockingIn(doc, p, lang, [], glossary)) : 0,
    });
    if (!result.ok) skipped.push({ paragraphId: p.id, reason: result.refusal });
    else if (result.changed) bodies.push({ type: 'cell.status', paragraphId: p.id, lang, status: result.status, rev: cell.rev });
  }
  return { bodies, finish: (_after, seq) => ({ seq, changed: bodies.length, skipped }) };
}
