import { AppError, cellTextTooLong, emptyCell } from '../index.js';
import type { CreateDocumentBody, DocEventBody, Paragraph } from '../index.js';

/** The `document.created` body for a new document: source text imported, targets empty. */
export function decideCreate(
  body: CreateDocumentBody,
  ids: { docId: string; paragraphId: () => string },
  by: string,
  at: string,
): DocEventBody & { type: 'document.created' } {
  const tooLong = body.paragraphs.findIndex(cellTextTooLong);
  if (tooLong >= 0) throw new AppError('text_too_long', `paragraph ${tooLong + 1} is over the size limit`, { index: tooLong });
  const used = new Set<string>();
  const paragraphs: Paragraph[] = body.paragraphs.map((text) => {
    let id = ids.paragraphId();
    while (used.has(id)) id = ids.paragraphId();
    used.add(id);
    const cells: Paragraph['cells'] = {};
    cells[body.sourceLang] = text === '' ? emptyCell() : { ...emptyCell(), text, rev: 1, status: 'draft', updatedBy: by, updatedAt: at };
    for (const lang of body.targetLangs) cells[lang] = emptyCell();
    return { id, cells };
  });
  return {
    type: 'document.created',
    doc: {
      id: ids.docId,
      title: body.title,
      sourceLang: body.sourceLang,
      targetLangs: [...body.targetLangs],
      createdAt: at,
      createdBy: by,
      paragraphs,
    },
  };
}
