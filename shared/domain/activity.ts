import type { ActivityItem } from '../protocol/review.js';
import type { DocEvent } from './events.js';

/** One activity line for an event (every event is someone doing something). */
export function activityOf(ev: DocEvent): ActivityItem {
  const item: ActivityItem = {
    seq: ev.seq,
    at: ev.at,
    by: ev.by,
    type: ev.type,
    paragraphId: null,
    lang: null,
    status: null,
    commentId: null,
  };
  switch (ev.type) {
    case 'cell.edited':
      return { ...item, paragraphId: ev.paragraphId, lang: ev.lang, status: ev.status };
    case 'cell.conflicted':
      return { ...item, paragraphId: ev.paragraphId, lang: ev.lang };
    case 'cell.status':
      return { ...item, paragraphId: ev.paragraphId, lang: ev.lang, status: ev.status };
    case 'comment.added':
      return { ...item, paragraphId: ev.paragraphId, lang: ev.lang, commentId: ev.commentId };
    case 'comment.resolved':
      return { ...item, commentId: ev.commentId };
    case 'paragraph.inserted':
    case 'paragraph.deleted':
    case 'paragraph.split':
    case 'paragraph.joined':
      return { ...item, paragraphId: ev.paragraphId };
    default:
      return item;
  }
}

/**
 * Appends an event to a feed, newest last, keeping at most `max` lines.
 * Typing is saved keystroke by keystroke, so consecutive edits of one cell
 * by one person fold into one line (the latest); anything else is its own line.
 */
export function appendActivity(items: ActivityItem[], ev: DocEvent, max = 200): ActivityItem[] {
  const next = activityOf(ev);
  const last = items.at(-1);
  const folds =
    last !== undefined &&
    next.type === 'cell.edited' &&
    last.type === 'cell.edited' &&
    last.by === next.by &&
    last.paragraphId === next.paragraphId &&
    last.lang === next.lang;
  const out = folds ? [...items.slice(0, -1), next] : [...items, next];
  return out.length > max ? out.slice(out.length - max) : out;
}
