// A cycle with reducer.ts, harmless: both only use each other inside functions.
import { EventMismatchError } from './reducer.js';
import type { ReducibleDoc } from './reducer.js';
import type { DocEvent } from './events.js';
import type { ReviewEventBody } from './review.js';
import { docLangs } from './types.js';

type ReviewEvent = Extract<DocEvent, ReviewEventBody>;

/**
 * The review half of the reducer (settings and comments). Same contract as
 * `applyEvent`, which calls it: deterministic, in place, and an event that does
 * not fit the document throws EventMismatchError.
 */
export function applyReviewEvent(doc: ReducibleDoc, ev: ReviewEvent): void {
  switch (ev.type) {
    case 'document.settings':
      doc.settings = { ...ev.settings };
      break;
    case 'comment.added': {
      if (!docLangs(doc).includes(ev.lang)) throw new EventMismatchError(`language ${ev.lang} is not in document ${doc.id}`);
      const comments = (doc.comments ??= []);
      if (comments.some((c) => c.id === ev.commentId)) throw new EventMismatchError(`comment ${ev.commentId} exists`);
      comments.push({
        id: ev.commentId,
        paragraphId: ev.paragraphId,
        lang: ev.lang,
        text: ev.text,
        mentions: [...ev.mentions],
        author: ev.by,
        at: ev.at,
        resolved: false,
        resolvedBy: null,
        resolvedAt: null,
      });
      break;
    }
    case 'comment.resolved': {
      const c = doc.comments?.find((x) => x.id === ev.commentId);
      if (!c) throw new EventMismatchError(`unknown comment ${ev.commentId}`);
      c.resolved = ev.resolved;
      c.resolvedBy = ev.resolved ? ev.by : null;
      c.resolvedAt = ev.resolved ? ev.at : null;
      break;
    }
  }
}
