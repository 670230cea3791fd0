import { AppError, cellTextTooLong, docLangs, graphemes, joinSeparator, MAX_PARAGRAPHS } from '../index.js';
import type {
  DocumentState,
  Lang,
  ParagraphDeletePayload,
  ParagraphInsertPayload,
  ParagraphJoinPayload,
  ParagraphOpAck,
  ParagraphSplitPayload,
} from '../index.js';
import { cellIn, findParagraph } from './decision.js';
import type { Decision } from './decision.js';

/*
 * Structural operations. They act on the source text only: targets follow
 * (split keeps them whole in the first half and marks them outdated; join glues
 * every language). All are pure decisions; the reducer applies them.
 */

function ack(paragraphId: string): (doc: DocumentState, seq: number) => ParagraphOpAck {
  return (_doc, seq) => ({ seq, paragraphId });
}

function freshParagraphId(doc: DocumentState, newId: () => string): string {
  for (;;) {
    const id = newId();
    if (!doc.paragraphs.some((p) => p.id === id)) return id;
  }
}

/**
 * `paragraphId` is derived from the opId (opDerivedId): a paragraph with that
 * id already there is this very insert, retried after a restart.
 */
export function decideInsert(doc: DocumentState, input: ParagraphInsertPayload, paragraphId: string): Decision<ParagraphOpAck> {
  if (doc.paragraphs.some((p) => p.id === paragraphId)) return { bodies: [], finish: ack(paragraphId) };
  if (cellTextTooLong(input.text)) throw new AppError('text_too_long', 'paragraph text is over the size limit');
  if (doc.paragraphs.length >= MAX_PARAGRAPHS) throw new AppError('bad_request', `a document holds at most ${MAX_PARAGRAPHS} paragraphs`);
  const index = input.afterId === null ? 0 : findParagraph(doc, input.afterId).index + 1;
  return { bodies: [{ type: 'paragraph.inserted', index, paragraphId, text: input.text }], finish: ack(paragraphId) };
}

export function decideDelete(doc: DocumentState, input: ParagraphDeletePayload): Decision<ParagraphOpAck> {
  findParagraph(doc, input.paragraphId);
  return { bodies: [{ type: 'paragraph.deleted', paragraphId: input.paragraphId }], finish: ack(input.paragraphId) };
}

export function decideSplit(doc: DocumentState, input: ParagraphSplitPayload, newId: () => string): Decision<ParagraphOpAck> {
  const { p } = findParagraph(doc, input.paragraphId);
  if (doc.paragraphs.length >= MAX_PARAGRAPHS) throw new AppError('bad_request', `a document holds at most ${MAX_PARAGRAPHS} paragraphs`);
  const source = cellIn(p, doc.sourceLang);
  // The offset only means something on the text the client saw: no merging here.
  if (input.baseRev !== source.rev) {
    throw new AppError('bad_revision', `split on revision ${input.baseRev}, the source is at ${source.rev}`);
  }
  const chars = graphemes(source.text);
  if (input.offset > chars.length) {
    throw new AppError('bad_request', `offset ${input.offset} is past the end of the text (${chars.length})`, [
      { path: ['offset'], message: 'past the end of the source text' },
    ]);
  }
  const newParagraphId = freshParagraphId(doc, newId);
  return {
    bodies: [
      {
        type: 'paragraph.split',
        paragraphId: p.id,
        newParagraphId,
        before: chars.slice(0, input.offset).join(''),
        after: chars.slice(input.offset).join(''),
      },
    ],
    finish: ack(newParagraphId),
  };
}

export function decideJoin(doc: DocumentState, input: ParagraphJoinPayload): Decision<ParagraphOpAck> {
  const { p, index } = findParagraph(doc, input.paragraphId);
  const next = doc.paragraphs[index + 1];
  if (!next) throw new AppError('bad_request', 'the last paragraph has nothing after it to join');
  const texts: Partial<Record<Lang, string>> = {};
  for (const lang of docLangs(doc)) {
    const left = cellIn(p, lang).text;
    const right = cellIn(next, lang).text;
    if (right === '') continue;
    const joined = left + joinSeparator(lang, left, right) + right;
    if (cellTextTooLong(joined)) throw new AppError('text_too_long', `the joined ${lang} text would be over the size limit`);
    texts[lang] = joined;
  }
  return {
    bodies: [{ type: 'paragraph.joined', paragraphId: p.id, nextParagraphId: next.id, texts }],
    finish: ack(p.id),
  };
}
