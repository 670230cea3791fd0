import { AppError, docLangs, joinSeparator, LANG_TAG } from '../../../../shared/index.js';
import type { CellStatus, DocumentSnapshot, DocumentSummary, Lang } from '../../../../shared/index.js';
import { repairTags, stripTags } from '../../../../shared/inline/index.js';
import { decodeText } from '../../interchange/sources/decode.js';
import type { CreateFromFileQuery, ExportMode, SourceFileDto, UntranslatedPolicy } from '../../../../shared/protocol/interchange.js';
import type { ImportReport } from '../../../../shared/protocol/interchange.js';
import { exportView } from '../../interchange/index.js';
import { rebuildOriginal } from '../../interchange/original/index.js';
import { inThreadParser } from '../../interchange/offThread/index.js';
import { poSkeleton, rebuildPo } from '../../interchange/po/original.js';
import type { PoCell } from '../../interchange/po/original.js';
import type { FileParser } from '../../interchange/offThread/index.js';
import type { SourceFileRecord, SourceFileStore } from '../../storage/index.js';
import type { DocumentService } from '../documents/index.js';

const CONTENT_TYPE = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  po: 'text/x-gettext-translation; charset=utf-8',
} as const;

export interface OriginalExport {
  fileName: string;
  contentType: string;
  body: Buffer;
  /** Paragraphs written in the source language because they had no translation. */
  untranslated: number;
  /** PO: untranslated messages have an empty msgstr (gettext's convention) rather than the source text. */
  untranslatedEmpty: boolean;
  /** Paragraphs whose tags had to be repaired (missing, doubled or crossed) to write the file. */
  repaired: number;
}

/**
 * Documents made from a DOCX, HTML, Markdown or PO file, and the export of that
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

  /**
   * Keeps the PO (or POT) file a document was just made from (InterchangeService.createFromFile),
   * when its messages are the document's paragraphs one for one; true when kept.
   */
  async keepPo(docId: string, name: string, bytes: Buffer, by: string): Promise<boolean> {
    const skeleton = poSkeleton(decodeText(bytes));
    const paragraphIds = await this.documents.reads.paragraphIds(docId);
    if (paragraphIds.length !== skeleton.slots.length) return false;
    await this.store.put({ docId, name, format: 'po', createdAt: new Date().toISOString(), createdBy: by, bytes, skeleton, paragraphIds });
    return true;
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
    const view = exportView(doc, q.mode);
    const { missing, repaired, build } =
      rec.format === 'po'
        ? poExport(rec, view, q.lang, new Date(doc.updatedAt))
        : slotExport(rec, view, q.lang, q.lang === doc.sourceLang ? undefined : LANG_TAG[q.lang]);
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
    const body = await build();
    const stem = rec.name.replace(/\.([A-Za-z0-9]+)$/u, '');
    // A template translated is a PO file.
    const ext = rec.format === 'po' ? 'po' : (/\.([A-Za-z0-9]+)$/u.exec(rec.name)?.[1] ?? rec.format);
    return {
      fileName: `${stem}.${q.lang}.${ext}`,
      contentType: CONTENT_TYPE[rec.format],
      body,
      untranslated: missing.length,
      untranslatedEmpty: rec.format === 'po',
      repaired,
    };
  }

  private async record(docId: string): Promise<SourceFileRecord> {
    const rec = await this.store.get(docId);
    if (!rec) throw new AppError('no_source_file', `document ${docId} was not imported from a DOCX, HTML, Markdown or PO file`);
    return rec;
  }
}

interface Planned {
  missing: string[];
  repaired: number;
  build: () => Promise<Buffer>;
}

function slotExport(rec: SourceFileRecord, view: DocumentSnapshot, lang: Lang, langTag: string | undefined): Planned {
  const { texts, missing, repaired } = slotTexts(rec, view, lang);
  return { missing, repaired, build: () => rebuildOriginal(rec.bytes, rec.skeleton, texts, langTag) };
}

function poExport(rec: SourceFileRecord, view: DocumentSnapshot, lang: Lang, date: Date): Planned {
  const { cells, missing } = poCells(rec, view, lang);
  return { missing, repaired: 0, build: () => Promise.resolve(rebuildPo(rec.bytes, rec.skeleton, cells, lang, date)) };
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
  const { joined, missing } = joinedCells(rec, view, lang, true);
  let repaired = 0;
  const texts = rec.skeleton.slots.map((slot, i) => {
    const parts = joined.get(i);
    if (!parts) return '';
    const text = joinTexts(
      parts.map((c) => c.text),
      lang,
    );
    if (text === slot.text) return null;
    const fixed = repairTags(slot.text, text);
    if (fixed.repaired) repaired++;
    return fixed.text;
  });
  return { texts, missing, repaired };
}

/**
 * A PO file's slots: the paragraph's cell in `lang` with the paragraphs that
 * follow it and came from no slot appended, as plain text; '' when it has
 * none (gettext's untranslated), approved only when every part is.
 */
export function poCells(
  rec: Pick<SourceFileRecord, 'skeleton' | 'paragraphIds'>,
  view: DocumentSnapshot,
  lang: Lang,
): { cells: (PoCell | null)[]; missing: string[] } {
  const { joined, missing } = joinedCells(rec, view, lang, false);
  const cells = rec.skeleton.slots.map((_, i): PoCell | null => {
    const parts = joined.get(i);
    if (!parts) return null;
    const text = joinTexts(
      parts.map((c) => stripTags(c.text)),
      lang,
    );
    return { text, approved: parts.every((c) => c.text === '' || c.status === 'approved') };
  });
  return { cells, missing };
}

/** Each slot's paragraphs' cells in `lang`, in order; an empty one is missing (and written in the source when `sourceForMissing`). */
function joinedCells(
  rec: Pick<SourceFileRecord, 'skeleton' | 'paragraphIds'>,
  view: DocumentSnapshot,
  lang: Lang,
  sourceForMissing: boolean,
): { joined: Map<number, { text: string; status: CellStatus }[]>; missing: string[] } {
  const slotOf = new Map(rec.paragraphIds.map((id, i) => [id, i]));
  const joined = new Map<number, { text: string; status: CellStatus }[]>();
  const missing: string[] = [];
  let owner = -1;
  for (const p of view.paragraphs) {
    owner = slotOf.get(p.id) ?? owner;
    if (owner < 0) continue;
    const source = p.cells[view.sourceLang]?.text ?? '';
    const cell = p.cells[lang];
    let text = cell?.text ?? '';
    if (text === '' && source !== '') {
      missing.push(p.id);
      if (sourceForMissing) text = source;
    }
    const list = joined.get(owner) ?? [];
    list.push({ text, status: cell?.status ?? 'empty' });
    joined.set(owner, list);
  }
  return { joined, missing };
}

function joinTexts(parts: readonly string[], lang: Lang): string {
  return parts.reduce((acc, t) => (acc === '' ? t : t === '' ? acc : acc + joinSeparator(lang, acc, t) + t), '');
}
