import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../../../shared/domain/roles.js';
import { needsReReview } from '../../../../../shared/domain/workflow.js';
import type { Cell, DirectoryEntry, DocumentMeta, Lang, PublicUser } from '../../../../../shared/index.js';
import { runChecks } from '../../../../../shared/qa/run.js';
import { aidsApi } from '../../../api/aids.js';
import { newOpId } from '../../../api/review.js';
import type { ReviewTransport } from '../../../api/review.js';
import { errorKey } from '../../i18n/index.js';
import { teamOf } from '../mentions.js';
import { MentionInput } from './MentionInput.js';

interface Props {
  transport: ReviewTransport;
  user: PublicUser;
  doc: Pick<DocumentMeta, 'id' | 'sourceLang' | 'targetLangs'>;
  paragraphId: string;
  lang: Lang;
  cell: Cell;
  sourceText: string;
  /** Local edits not yet saved: a decision must wait for the revision it is about. */
  unsaved: boolean;
  /** The users directory: the reason for a request may @mention the document's team. */
  users?: readonly DirectoryEntry[];
  /** After an approval succeeded (the Approve button is then gone: the caller puts the focus somewhere useful). */
  onApproved?: () => void;
}

type Settable = 'draft' | 'in_review' | 'approved' | 'changes_requested';

/**
 * The review steps this user may take on the focused cell, as buttons. What
 * is shown follows the same rules the server enforces (shared/domain/roles.ts,
 * shared/domain/workflow.ts); the server still decides, and its refusal is
 * shown by code.
 */
export function StatusActions({ transport, user, doc, paragraphId, lang, cell, sourceText, unsaved, onApproved, users = [] }: Props) {
  const { t } = useTranslation('review');
  const { t: tBase } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ctx = { lang, doc };
  const mayReview = can(user, 'cell.review', ctx);
  const maySubmit = can(user, 'cell.submit', ctx);
  const reReview = needsReReview(cell);
  const own = cell.updatedBy === user.id && cell.status === 'in_review';

  const send = async (
    status: Settable,
    extra: { comment?: string; overrides?: { check: string; reason: string }[] } = {},
  ): Promise<void> => {
    setBusy(true);
    setError(null);
    const r = await transport.send('cell:status', { docId: doc.id, paragraphId, lang, opId: newOpId(), rev: cell.rev, status, ...extra });
    setBusy(false);
    if (!r.ok) {
      setError(r.error.code);
      return;
    }
    setAsking(false);
    setComment('');
    setReason('');
    if (status === 'approved') onApproved?.();
  };

  // The same checks the server runs on approval, the project glossary included, so every blocking check gets the reason.
  const overrideAll = async (): Promise<void> => {
    const g = await aidsApi.glossary();
    const glossary = g.ok ? { terms: g.data.terms } : undefined;
    const findings = runChecks({
      source: sourceText,
      target: cell.text,
      sourceLang: doc.sourceLang,
      targetLang: lang,
      ...(glossary ? { glossary } : {}),
    }).filter((f) => f.severity === 'error');
    const checks = [...new Set(findings.map((f) => f.check))];
    await send('approved', { overrides: checks.map((check) => ({ check, reason: reason.trim() })) });
  };

  // The source is what gets translated, not a translation: it has no review steps.
  if (lang === doc.sourceLang || cell.status === 'empty' || (!maySubmit && !mayReview)) return null;
  const disabled = busy || unsaved;
  return (
    <div className="review-actions" data-testid="review-actions">
      {reReview && <p className="review-note">{t('actions.reReview')}</p>}
      {unsaved && <p className="review-note muted">{t('actions.unsaved')}</p>}
      <div className="review-buttons">
        {maySubmit && (cell.status === 'draft' || cell.status === 'changes_requested') && (
          <button type="button" className="primary" disabled={disabled} onClick={() => void send('in_review')}>
            {t('actions.submit')}
          </button>
        )}
        {maySubmit && cell.status === 'in_review' && (
          <button type="button" disabled={disabled} onClick={() => void send('draft')}>
            {t('actions.withdraw')}
          </button>
        )}
        {mayReview && (cell.status === 'in_review' || reReview) && (
          <>
            <button type="button" className="primary" disabled={disabled} onClick={() => void send('approved')}>
              {t('actions.approve')}
            </button>
            <button type="button" disabled={disabled} onClick={() => setAsking(true)}>
              {t('actions.requestChanges')}
            </button>
          </>
        )}
      </div>
      {mayReview && own && <p className="review-note muted">{t('actions.ownRevision')}</p>}
      {asking && (
        <form
          className="review-form"
          onSubmit={(e) => {
            e.preventDefault();
            void send('changes_requested', { comment: comment.trim() });
          }}
        >
          <label htmlFor={`reason-${paragraphId}-${lang}`}>{t('actions.commentLabel')}</label>
          <MentionInput
            id={`reason-${paragraphId}-${lang}`}
            value={comment}
            onChange={setComment}
            team={teamOf(users, doc)}
            rows={3}
            required
          />
          <div className="review-buttons">
            <button type="submit" className="primary" disabled={busy || comment.trim() === ''}>
              {t('actions.send')}
            </button>
            <button type="button" onClick={() => setAsking(false)}>
              {t('actions.cancel')}
            </button>
          </div>
        </form>
      )}
      {error && (
        <div role="alert" className="error">
          {tBase(errorKey(error))}
          {error === 'checks_failed' && mayReview && (
            <form
              className="review-form"
              onSubmit={(e) => {
                e.preventDefault();
                void overrideAll();
              }}
            >
              <label>
                {t('actions.overrideReason')}
                <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} minLength={3} required />
              </label>
              <button type="submit" disabled={busy || reason.trim().length < 3}>
                {t('actions.override')}
              </button>
            </form>
          )}
        </div>
      )}
    </div>
  );
}
