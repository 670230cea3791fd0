import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { emptyCell } from '../../../../../shared/domain/types.js';
import type { Cell, PublicUser } from '../../../../../shared/index.js';
import type { ReviewEvent, ReviewTransport } from '../../../api/review.js';
import { renderUi } from '../../../test/render.js';
import { StatusActions } from './StatusActions.js';

/** Records what the panel sends and answers like a server that accepts it. */
function recorder(refuseFirst?: string): ReviewTransport & { sent: { event: ReviewEvent; payload: unknown }[] } {
  const sent: { event: ReviewEvent; payload: unknown }[] = [];
  return {
    sent,
    send: async (event, payload) => {
      sent.push({ event, payload });
      if (refuseFirst && sent.length === 1) return { ok: false, error: { code: refuseFirst, message: 'refused' } } as never;
      return { ok: true, data: { seq: 1, rev: 1, status: 'in_review' } } as never;
    },
    onMention: () => () => undefined,
  };
}

const doc = { id: 'd1', sourceLang: 'en' as const, targetLangs: ['kk' as const, 'ru' as const] };
const user = (roles: PublicUser['roles'], extra: Partial<PublicUser> = {}): PublicUser => ({
  id: 'u1',
  username: 'u',
  displayName: 'U',
  isAdmin: false,
  isViewer: false,
  roles,
  ...extra,
});
const cellOf = (status: Cell['status'], over: Partial<Cell> = {}): Cell => ({
  ...emptyCell(),
  text: 'Сәлем.',
  rev: 3,
  status,
  updatedBy: 'u2',
  ...over,
});

async function show(u: PublicUser, cell: Cell, unsaved = false, opts: { refuseFirst?: string; source?: string; lang?: 'en' | 'kk' } = {}) {
  const transport = recorder(opts.refuseFirst);
  await renderUi(
    <StatusActions
      transport={transport}
      user={u}
      doc={doc}
      paragraphId="p1"
      lang={opts.lang ?? 'kk'}
      cell={cell}
      sourceText={opts.source ?? 'Hello.'}
      unsaved={unsaved}
    />,
  );
  return transport;
}

describe('StatusActions', () => {
  it('offers a translator Submit on a draft, never Approve, and sends the revision seen', async () => {
    const t = await show(user({ kk: 'translator' }), cellOf('draft'));
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Submit for review' }));
    await waitFor(() =>
      expect(t.sent).toEqual([
        {
          event: 'cell:status',
          payload: expect.objectContaining({ docId: 'd1', paragraphId: 'p1', lang: 'kk', rev: 3, status: 'in_review' }),
        },
      ]),
    );
  });

  it('offers no review step on the source text, whatever the role', async () => {
    await show(user({ en: 'reviewer', kk: 'reviewer' }), cellOf('draft'), false, { lang: 'en' });
    expect(screen.queryByTestId('review-actions')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Submit for review' })).toBeNull();
  });

  it('lets a reviewer request changes only with a comment', async () => {
    const t = await show(user({ kk: 'reviewer' }), cellOf('in_review'));
    expect(screen.getByRole('button', { name: 'Approve' })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Request changes' }));
    const send = screen.getByRole<HTMLButtonElement>('button', { name: 'Send' });
    expect(send.disabled).toBe(true);
    await userEvent.type(screen.getByLabelText('What should change?'), 'Use the glossary term.');
    await userEvent.click(send);
    await waitFor(() =>
      expect(t.sent[0]?.payload).toMatchObject({ status: 'changes_requested', comment: 'Use the glossary term.', rev: 3 }),
    );
  });

  it('shows nothing to a viewer or outside the user’s languages, and waits while an edit is unsaved', async () => {
    await show(user({ kk: 'reviewer' }, { isViewer: true }), cellOf('in_review'));
    expect(screen.queryByTestId('review-actions')).toBeNull();
    await show(user({ ru: 'reviewer' }), cellOf('in_review'));
    expect(screen.queryByTestId('review-actions')).toBeNull();
    await show(user({ kk: 'translator' }), cellOf('draft'), true);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Submit for review' }).disabled).toBe(true);
  });

  it('offers re-review of an approved cell whose source changed', async () => {
    await show(user({ kk: 'reviewer' }), cellOf('approved', { outdated: true }));
    expect(screen.getByText(/source changed after approval/u)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Approve' })).toBeTruthy();
  });

  it('after checks_failed, approves again with the reviewer’s reason for each blocking check', async () => {
    const t = await show(user({ kk: 'reviewer' }), cellOf('in_review', { text: 'Екі күнге созылды.' }), false, {
      refuseFirst: 'checks_failed',
      source: 'It took 2 days.',
    });
    await userEvent.click(screen.getByRole('button', { name: 'Approve' }));
    await userEvent.type(await screen.findByLabelText('Why do these errors not apply here?'), 'Written out as a word.');
    await userEvent.click(screen.getByRole('button', { name: 'Approve despite the errors' }));
    await waitFor(() =>
      expect(t.sent[1]?.payload).toMatchObject({
        status: 'approved',
        overrides: [{ check: 'number_missing', reason: 'Written out as a word.' }],
      }),
    );
  });
});
