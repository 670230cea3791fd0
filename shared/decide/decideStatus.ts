import { AppError, actionFor, cellKey, decideTransition, DEFAULT_SETTINGS } from '../index.js';
import type { CellStatusAck, CellStatusPayload, DocumentState, Lang, Paragraph, Refusal } from '../index.js';
import { blockingFindings, isCheckId, runChecks } from '../qa/index.js';
import type { Glossary, QaOverride } from '../qa/index.js';
import { cellIn, findParagraph, requireLang } from './decision.js';
import type { Decision } from './decision.js';

/** The coded error for each refusal of the state machine. */
export const REFUSAL_CODE = {
  empty_cell: 'bad_request',
  stale_revision: 'bad_revision',
  invalid_transition: 'invalid_transition',
  self_approval: 'forbidden',
  comment_required: 'bad_request',
  checks_failed: 'checks_failed',
} as const satisfies Record<Refusal, string>;

/**
 * Who wrote the text of revision `rev`: the newest history entry that produced
 * it (conflict and status entries only refer to it). Null when history has no
 * such entry (a document created before history was kept).
 */
export function revisionAuthor(doc: DocumentState, paragraphId: string, lang: Lang, rev: number): string | null {
  const revisions = doc.history[cellKey(paragraphId, lang)] ?? [];
  for (let i = revisions.length - 1; i >= 0; i--) {
    const r = revisions[i]!;
    if (r.rev === rev && r.kind !== 'conflict' && r.kind !== 'status') return r.author;
  }
  return null;
}

/**
 * Error findings of the checks on a target cell that the given overrides do
 * not lift. The source language has nothing to check against. With the
 * project glossary, a forbidden term blocks approval like any other error.
 */
export function blockingCount(
  doc: DocumentState,
  paragraphId: string,
  lang: Lang,
  overrides: readonly QaOverride[],
  glossary?: Glossary,
): number {
  return blockingIn(doc, findParagraph(doc, paragraphId).p, lang, overrides, glossary);
}

/** blockingCount for a paragraph already in hand (no lookup by id). */
export function blockingIn(doc: DocumentState, p: Paragraph, lang: Lang, overrides: readonly QaOverride[], glossary?: Glossary): number {
  if (lang === doc.sourceLang) return 0;
  const target = cellIn(p, lang);
  const findings = runChecks({
    source: cellIn(p, doc.sourceLang).text,
    target: target.text,
    sourceLang: doc.sourceLang,
    targetLang: lang,
    glossary,
  });
  return blockingFindings(findings, overrides, target.rev).length;
}

/**
 * Review workflow (shared/domain/workflow.ts decides; this reads the facts it
 * needs from the document). A status names the revision the reviewer saw: if
 * the text moved on since, it would vouch for words nobody read, so that is
 * `bad_revision`. Requesting changes carries its comment, added in the same
 * decision so the two cannot come apart. Who may take which step is checked
 * before this (shared/domain/roles.ts).
 */
export function decideStatus(
  doc: DocumentState,
  input: CellStatusPayload,
  actor: string,
  newCommentId: () => string,
  glossary?: Glossary,
  /** User ids named with @ in the request-changes reason (resolved by the caller). */
  mentions: readonly string[] = [],
): Decision<CellStatusAck> {
  requireLang(doc, input.lang);
  const { p } = findParagraph(doc, input.paragraphId);
  const cell = p.cells[input.lang] ?? { text: '', rev: 0, status: 'empty' as const, outdated: false };
  const action = actionFor(input.status);
  const at = new Date().toISOString();
  const overrides: QaOverride[] = (input.overrides ?? [])
    .filter((o) => isCheckId(o.check))
    .map((o) => ({ check: o.check as QaOverride['check'], rev: input.rev, reason: o.reason, by: actor, at }));
  const result = decideTransition({
    cell,
    action,
    rev: input.rev,
    actor,
    revisionAuthor: revisionAuthor(doc, input.paragraphId, input.lang, cell.rev),
    allowSelfApproval: (doc.settings ?? DEFAULT_SETTINGS).allowSelfApproval,
    ...(input.comment === undefined ? {} : { comment: input.comment }),
    blockingFindings: action === 'approve' && cell.text !== '' ? blockingCount(doc, input.paragraphId, input.lang, overrides, glossary) : 0,
  });
  if (!result.ok) {
    throw new AppError(
      REFUSAL_CODE[result.refusal],
      `cannot ${action} ${input.paragraphId}/${input.lang} at revision ${input.rev}: ${result.refusal}`,
      { refusal: result.refusal },
    );
  }
  const commentId = result.changed && action === 'request_changes' && input.comment ? newCommentId() : undefined;
  const finish = (after: DocumentState, seq: number): CellStatusAck => {
    const now = cellIn(findParagraph(after, input.paragraphId).p, input.lang);
    return { seq, rev: now.rev, status: now.status, ...(commentId ? { commentId } : {}) };
  };
  if (!result.changed) return { bodies: [], finish };
  const withOverrides =
    action === 'approve' && input.overrides?.length
      ? { overrides: input.overrides.map((o) => ({ check: o.check, reason: o.reason })) }
      : {};
  return {
    bodies: [
      { type: 'cell.status', paragraphId: input.paragraphId, lang: input.lang, status: result.status, rev: cell.rev, ...withOverrides },
      ...(commentId && input.comment
        ? [
            {
              type: 'comment.added' as const,
              commentId,
              paragraphId: input.paragraphId,
              lang: input.lang,
              text: input.comment,
              mentions: [...mentions],
            },
          ]
        : []),
    ],
    finish,
  };
}
