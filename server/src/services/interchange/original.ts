import { AppError, docLangs, joinSeparator, LANG_TAG } from '../../../../shared/index.js';
import type { DocumentSnapshot, DocumentSummary, Lang } from '../../../../shared/index.js';
import { repairTags } from '../../../../shared/inline/index.js';
import type { CreateFromFileQuery, ExportMode, SourceFileDto, UntranslatedPolicy } from '../../../../shared/protocol/interchange.js';
import type { ImportReport } from '../../../../shared/protocol/interchange.js';
import { exportView } from '../../interchange/index.js';
import { rebuildOriginal } from '../../interchange/original/index.js';
import { inThreadParser } from '../../interchange/offThread/index.js';
import type { FileParser } from '../../interchange/offThread/index.js';
import type { SourceFileRecord, SourceFileStore } from '../../storage/index.js';
import type { DocumentService } from '../documents/index.js';

const CONTENT_TYPE = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
} as const;

export interface OriginalExport {
  fileName: string;
  contentType: string;
  body: Buffer;
  /** Paragraphs written in the source language because they had no translation. */
  untranslated: number;
  /** Paragraphs whose tags had to be repaired (missing, doubled or crossed) to write the file. */
  repaired: number;
}

/**
 * Documents made from a DOCX, HTML or Markdown file, and the export of that
 * file with the translation in place (docs/interchange.md, "The original
 * file"). The file and its skeleton go to the SourceFileStore, apart from
 * the document. Paragraphs are matched to the skeleton by id, so the
 * document's later structure edits are followed: a paragraph split off or
 * inserted after one from the file is written into that one's place, a
 * deleted paragraph leaves its place empty.
 */
export class OriginalFiles {
  constructor(
    private readonly documents: DocumentService,
    private readonly store: SourceFileStore,
    private readonly parser: FileParser = inThreadParser,
  ) {
    documents.engine.onCommitted((docId, events) => {
      if (events.some((e) => e.type === 'document.deleted')) void this.store.remove(docId).catch(() => undefined);
    });
  }

  async createFromFile(
    bytes: Buffer,
    q: Omit<CreateFromFileQuery, 'targetLangs' | 'keepNav'> & { targetLangs: Lang[]; keepNav?: boolean | undefined },
    by: string,
  ): Promise<{ document: DocumentSummary; report: ImportReport; keepsLayout: boolean }> {
    const read = await this.parser.source(bytes, { name: q.name, lang: q.sourceLang, format: q.format, keepNav: q.keepNav }, true);
    const title = q.title ?? read.title ?? (q.name.replace(/\.[A-Za-z0-9]+$/u, '') || q.name);
    const document = await this.documents.engine.create(
      {
        title: title.slice(0, 300),
        sourceLang: q.sourceLang,
        targetLangs: q.targetLangs.filter((l) => l !== q.sourceLang),
        paragraphs: read.paragraphs,
      },
      by,
      undefined,
      read.words,
    );
    if (read.skeleton) {
      const paragraphIds = await this.documents.reads.paragraphIds(document.id);
      await this.store.put({
        docId: document.id,
        name: q.name,
        format: read.skeleton.format,
        createdAt: new Date().toISOString(),
        createdBy: by,
        bytes,
        skeleton: read.skeleton,
        paragraphIds,
      });
    }
    return { document, report: read.report, keepsLayout: read.skeleton !== null };
  }

  async info(docId: string): Promise<SourceFileDto> {
    this.documents.reads.meta(docId);
    const rec = await this.record(docId);
    return { name: rec.name, format: rec.format, createdAt: rec.createdAt, paragraphs: rec.paragraphIds.length };
  }

  async export(docId: string, q: { lang: Lang; mode: ExportMode; untranslated: UntranslatedPolicy }): Promise<OriginalExport> {
    const doc = await this.documents.reads.snapshot(docId);
    if (!docLangs(doc).includes(q.lang)) throw new AppError('language_not_in_document', `document ${doc.id} has no ${q.lang} column`);
    const rec = await this.record(docId);
    const { texts, missing, repaired } = slotTexts(rec, exportView(doc, q.mode), q.lang);
    if (missing.length > 0 && q.untranslated === 'refuse') {
      throw new AppError(
        'export_incomplete',
        `${missing.length} paragraphs have no ${q.mode === 'approved' ? 'approved ' : ''}translation`,
        {
          paragraphIds: missing.slice(0, 100),
          count: missing.length,
        },
      );
    }
    const body = await rebuildOriginal(rec.bytes, rec.skeleton, texts, q.lang === doc.sourceLang ? undefined : LANG_TAG[q.lang]);
    const stem = rec.name.replace(/\.([A-Za-z0-9]+)$/u, '');
    const ext = /\.([A-Za-z0-9]+)$/u.exec(rec.name)?.[1] ?? rec.format;
    return { fileName: `${stem}.${q.lang}.${ext}`, contentType: CONTENT_TYPE[rec.format], body, untranslated: missing.length, repaired };
  }

  private async record(docId: string): Promise<SourceFileRecord> {
    const rec = await this.store.get(docId);
    if (!rec) throw new AppError('no_source_file', `document ${docId} was not imported from a DOCX, HTML or Markdown file`);
    return rec;
  }
}

/**
 * The text for each slot: the paragraph's cell in `lang` (its source text
 * when empty), with the paragraphs that follow it and came from no slot
 * appended; null where nothing changed, so the slot keeps its original bytes.
 */
export function slotTexts(
  rec: Pick<SourceFileRecord, 'skeleton' | 'paragraphIds'>,
  view: DocumentSnapshot,
  lang: Lang,
): { texts: (string | null)[]; missing: string[]; repaired: number } {
  const slotOf = new Map(rec.paragraphIds.map((id, i) => [id, i]));
  const joined = new Map<number, string[]>();
  const missing: string[] = [];
  let owner = -1;
  for (const p of view.paragraphs) {
    owner = slotOf.get(p.id) ?? owner;
    if (owner < 0) continue;
    const source = p.cells[view.sourceLang]?.text ?? '';
    let text = p.cells[lang]?.text ?? '';
    if (text === '' && source !== '') {
      missing.push(p.id);
      text = source;
    }
    const list = joined.get(owner) ?? [];
    list.push(text);
    joined.set(owner, list);
  }
  let repaired = 0;
  const texts = rec.skeleton.slots.map((slot, i) => {
    const parts = joined.get(i);
    if (!parts) return '';
    const text = parts.reduce((acc, t) => (acc === '' ? t : t === '' ? acc : acc + joinSeparator(lang, acc, t) + t), '');
    if (text === slot.text) return null;
    const fixed = repairTags(slot.text, text);
    if (fixed.repaired) repaired++;
    return fixed.text;
  });
  return { texts, missing, repaired };
}
